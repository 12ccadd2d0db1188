/**
 * The {@code jhub} command: list, help, load, fetch, trust, download and manage the cache.
 */
module io.jhub.cli {
    requires io.jhub.core;
    requires io.jhub.pretrained;
    requires java.compiler;

    provides java.lang.System.LoggerFinder with io.jhub.cli.internal.CliLoggerFinder;
}
