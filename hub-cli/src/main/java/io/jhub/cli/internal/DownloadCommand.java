package io.jhub.cli.internal;

import io.jhub.api.DownloadException;
import io.jhub.http.download.DownloadOptions;
import io.jhub.pretrained.Weights;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code jhub download <url> [--sha256 HEX] [--file-name NAME] [--connections N] [--allow-http]}. */
final class DownloadCommand implements Command {
    private static final Spec SPEC = new Spec("download", "<url>", "download a file into the cache; prints its path",
            List.of("sha256", "file-name", "connections", "allow-http", "offline", "json", "locked", "lockfile"), 1, 1,
            """
            The URL is https:, file:, or http: with --allow-http. A file already in the cache is not downloaded
            again; an interrupted download resumes.""");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        CliArgs cli = in.args();
        String url = cli.word(0, "a URL (https:, http: with --allow-http, or file:)");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("\"" + url + "\" is not a valid URL: " + e.getMessage());
        }
        DownloadOptions.Builder o = DownloadOptions.builder();
        cli.option("sha256").ifPresent(h -> RepoArgs.usage(() -> o.sha256(h)));
        cli.option("file-name").ifPresent(n -> RepoArgs.usage(() -> o.fileName(n)));
        cli.option("connections").ifPresent(n -> {
            try {
                o.connections(Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new UsageException("--connections takes a number, got \"" + n + "\"");
            }
        });
        if (cli.flag("allow-http")) {
            o.allowPlainHttp(true);
        } else if ("http".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT))) {
            // the rule itself lives in the download engine; this only words its hint for the command line
            throw new DownloadException(uri, "Plain http is not allowed for " + url + ": use an https URL, or, if"
                    + " you trust the network, run again with --allow-http (and --sha256 HEX to check the file).",
                    null);
        }
        Path file = Weights.download(in.hub(), uri, o.build());
        if (in.json()) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            in.printJson(JsonValues.object("url", url, "path", file.toString(), "size", size));
        } else {
            in.out().println(file);
        }
    }
}
