package io.jhub.cli.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** --verbose is jhub's own debug log; the JDK's loggers follow it only with --set log.jdk=true. */
class CliLoggerFinderTest {
    @AfterEach
    void reset() {
        CliLoggerFinder.configure(false, false);
        CliLoggerFinder.jdkLogs(false);
    }

    @Test
    void verboseIsJhubsDebugLogOnly() {
        CliLoggerFinder.configure(true, false);
        System.Logger jhub = CliLoggerFinder.commandLogger("io.jhub.core.internal.source.RepoSource", getClass().getModule());
        System.Logger http = CliLoggerFinder.commandLogger("jdk.internal.httpclient.debug", Object.class.getModule());
        System.Logger ssl = CliLoggerFinder.commandLogger("javax.net.ssl", null);
        assertTrue(jhub.isLoggable(Level.DEBUG));
        assertFalse(http.isLoggable(Level.DEBUG), "the JDK's HTTP client debug log stays off with --verbose");
        assertFalse(ssl.isLoggable(Level.DEBUG));
        assertTrue(http.isLoggable(Level.WARNING), "the JDK's warnings still show");
        CliLoggerFinder.jdkLogs(true);
        assertTrue(http.isLoggable(Level.DEBUG), "--set log.jdk=true lets them through");
        CliLoggerFinder.configure(false, false);
        assertFalse(http.isLoggable(Level.DEBUG), "and still only with --verbose");
        assertFalse(jhub.isLoggable(Level.DEBUG));
    }
}
