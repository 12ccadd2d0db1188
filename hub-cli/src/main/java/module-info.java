/**
 * The {@code jhub} command: list, help, load, fetch, trust, download and manage the cache.
 */
module io.jhub.cli {
    requires io.jhub.core;
    requires io.jhub.pretrained;
    requires io.jhub.check;
    requires java.compiler;
    // only when hub-cli sits in another program's path without a logging backend (see CliLoggerFinder)
    requires static java.logging;

    uses java.lang.System.LoggerFinder;
    // inert unless io.jhub.cli.Main runs: other programs keep their own logging
    provides java.lang.System.LoggerFinder with io.jhub.cli.internal.CliLoggerFinder;
}
