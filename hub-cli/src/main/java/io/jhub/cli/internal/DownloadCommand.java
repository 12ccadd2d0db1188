package io.jhub.cli.internal;

import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.pretrained.Weights;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** {@code jhub download <url> [--sha256 HEX] [--file-name NAME] [--connections N] [--allow-http]}. */
final class DownloadCommand {
    private DownloadCommand() {
    }

    static Path run(Hub hub, CliArgs cli) {
        String url = cli.word(0, "a URL (https:, http: with --allow-http, or file:)");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("\"" + url + "\" is not a valid URL: " + e.getMessage());
        }
        DownloadOptions.Builder o = DownloadOptions.builder();
        cli.option("sha256").ifPresent(o::sha256);
        cli.option("file-name").ifPresent(o::fileName);
        cli.option("connections").ifPresent(n -> {
            try {
                o.connections(Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new UsageException("--connections takes a number, got \"" + n + "\"");
            }
        });
        if (cli.flag("allow-http")) {
            o.allowPlainHttp(true);
        }
        return Weights.download(hub, uri, o.build());
    }
}
