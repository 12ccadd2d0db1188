package io.jhub.cli.internal;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The {@code jhub} command's {@link System.LoggerFinder}: one-line records on standard error, library messages
 * from WARNING up (DEBUG with {@code --verbose}), progress lines at INFO unless {@code --quiet}. Having its own
 * finder keeps java.util.logging, and its start-up cost, out of every command.
 *
 * <p>It applies only to the {@code jhub} command: {@code io.jhub.cli.Main} calls {@link #activate()} before
 * anything logs. In any other program that has hub-cli on its path (found through {@code META-INF/services} or
 * the module's {@code provides}), every logger comes from {@link OtherFinder}: the application's own
 * {@code LoggerFinder} (SLF4J's, Log4j's, ...) or, without one, java.util.logging as the JDK would give.
 */
public final class CliLoggerFinder extends System.LoggerFinder {
    /** The logger name of progress lines (as {@code ProgressListener.logging()} uses). */
    static final String PROGRESS = "io.jhub.progress";

    private static volatile boolean active;
    private static volatile System.Logger.Level libraryLevel = System.Logger.Level.WARNING;
    private static volatile System.Logger.Level progressLevel = System.Logger.Level.INFO;

    /** Creates the finder; called by {@link java.util.ServiceLoader}. */
    public CliLoggerFinder() {
        // stateless: levels are static so the CLI can set them before any logger is used
    }

    /** Makes this finder's one-line loggers the process's loggers; only the {@code jhub} command calls it. */
    public static void activate() {
        active = true;
    }

    /**
     * Sets what is printed.
     *
     * @param verbose library DEBUG messages and up
     * @param quiet no progress lines
     */
    static void configure(boolean verbose, boolean quiet) {
        libraryLevel = verbose ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
        progressLevel = quiet ? System.Logger.Level.OFF : System.Logger.Level.INFO;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return active ? new LineLogger(name) : OtherFinder.get().getLogger(name, module);
    }

    /**
     * Returns the logger {@link System#getLogger} gives the command's own code, without the JDK's search for
     * the finder (about 25 ms of start-up, which a warm load that logs nothing else never pays).
     *
     * @param name the logger name
     * @return the logger
     */
    static System.Logger lineLogger(String name) {
        return new LineLogger(name);
    }

    /** Prints enabled records as {@code jhub: LEVEL: message}. */
    private record LineLogger(String name) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            Level threshold = name.equals(PROGRESS) ? progressLevel : libraryLevel;
            return level != Level.OFF && threshold != Level.OFF && level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                PrintStream err = System.err;
                err.println("jhub: " + level.getName() + ": " + msg);
                if (thrown != null && libraryLevel == Level.DEBUG) {
                    thrown.printStackTrace(err);
                }
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                log(level, bundle, params == null || params.length == 0 ? format
                        : MessageFormat.format(format, params), (Throwable) null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> supplier) {
            if (isLoggable(level)) {
                log(level, null, supplier.get(), (Throwable) null);
            }
        }
    }
}
