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
    private static volatile boolean jdkLogs;

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

    /**
     * Sets whether the JDK's own loggers (its HTTP client, TLS, ...) follow {@code --verbose}; otherwise they
     * print warnings and errors only, so that {@code --verbose} is jhub's debug log and not the JDK's internals.
     *
     * @param enabled true for {@code --set log.jdk=true}
     */
    static void jdkLogs(boolean enabled) {
        jdkLogs = enabled;
    }

    /** A logger of the JDK itself: its name or its module is the platform's. */
    static boolean isJdkLogger(String name, Module module) {
        String m = module != null && module.isNamed() ? module.getName() : "";
        return m.startsWith("java.") || m.startsWith("jdk.") || name.startsWith("jdk.") || name.startsWith("java.")
                || name.startsWith("javax.") || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return active ? commandLogger(name, module) : OtherFinder.get().getLogger(name, module);
    }

    /** The logger the {@code jhub} command gives: one-line records, the JDK's own held at warnings by default. */
    static System.Logger commandLogger(String name, Module module) {
        if (isJdkLogger(name, module)) {
            return new JdkLogger(new LineLogger(name));
        }
        return new LineLogger(name);
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

    /** A JDK logger: below WARNING only with {@code --set log.jdk=true}. */
    private record JdkLogger(LineLogger lines) implements System.Logger {
        @Override
        public String getName() {
            return lines.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return (jdkLogs || level.getSeverity() >= Level.WARNING.getSeverity()) && lines.isLoggable(level);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                lines.log(level, bundle, msg, thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                lines.log(level, bundle, format, params);
            }
        }
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
