package io.jhub.cli.internal;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loggers over java.util.logging, with the JDK default finder's level mapping (TRACE is FINER, DEBUG is FINE,
 * ERROR is SEVERE), for programs that have hub-cli on their path and no logging backend of their own.
 */
final class JulFinder extends System.LoggerFinder {
    static final JulFinder INSTANCE = new JulFinder();

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new JulLogger(Logger.getLogger(name));
    }

    private static Level jul(System.Logger.Level level) {
        return switch (level) {
            case ALL -> Level.ALL;
            case TRACE -> Level.FINER;
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARNING -> Level.WARNING;
            case ERROR -> Level.SEVERE;
            case OFF -> Level.OFF;
        };
    }

    /** One java.util.logging logger seen as a {@link System.Logger}. */
    private record JulLogger(Logger logger) implements System.Logger {
        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return logger.isLoggable(jul(level));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                logger.logrb(jul(level), bundle, msg, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                logger.logrb(jul(level), bundle, format, params);
            }
        }

        @Override
        public void log(Level level, Supplier<String> supplier) {
            if (isLoggable(level)) {
                logger.log(jul(level), supplier);
            }
        }
    }
}
