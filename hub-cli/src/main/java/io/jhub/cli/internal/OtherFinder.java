package io.jhub.cli.internal;

import java.util.ServiceLoader;

/**
 * The {@link System.LoggerFinder} a program gets when it is not the {@code jhub} command but has hub-cli on its
 * path: the first other provider the system class loader finds (such as SLF4J's
 * {@code slf4j-jdk-platform-logging} or Log4j's {@code log4j-jpl}), else {@link JulFinder}, which logs through
 * java.util.logging as the JDK's default finder does.
 */
final class OtherFinder {
    private static System.LoggerFinder finder;
    private static boolean resolving;

    private OtherFinder() {
    }

    /**
     * Returns the finder to hand loggers out from, found once.
     *
     * @return the application's finder or the java.util.logging one
     */
    static synchronized System.LoggerFinder get() {
        if (finder != null) {
            return finder;
        }
        if (resolving) {
            return JulFinder.INSTANCE; // a provider that logs while it is being created
        }
        resolving = true;
        try {
            finder = ServiceLoader.load(System.LoggerFinder.class, ClassLoader.getSystemClassLoader()).stream()
                    .filter(p -> p.type() != CliLoggerFinder.class).findFirst()
                    .<System.LoggerFinder>map(ServiceLoader.Provider::get).orElse(JulFinder.INSTANCE);
            return finder;
        } finally {
            resolving = false;
        }
    }
}
