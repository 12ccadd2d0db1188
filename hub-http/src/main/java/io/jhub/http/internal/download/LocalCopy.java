package io.jhub.http.internal.download;

import io.jhub.api.DownloadException;
import io.jhub.api.HubDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;

/** Copies a {@code file:} URL (an air-gapped mirror) into the partial file, hashing on the way. */
final class LocalCopy {
    private LocalCopy() {
    }

    static String copy(URI uri, CacheLayout layout, ProgressMeter meter) {
        Path source;
        try {
            source = Path.of(uri);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalArgumentException("Cannot read \"" + uri + "\": a file URL must look like"
                    + " file:///absolute/path (" + e.getMessage() + ")", e);
        }
        MessageDigest digest = Hashing.newSha256();
        byte[] buf = new byte[HubDefaults.CHUNK_SIZE];
        try (InputStream in = Files.newInputStream(source)) {
            Files.createDirectories(layout.metaDir());
            meter.reset(0, Files.size(source));
            try (OutputStream out = Files.newOutputStream(layout.partial())) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    digest.update(buf, 0, n);
                    meter.add(n);
                }
            }
        } catch (NoSuchFileException e) {
            throw new DownloadException(uri, "No file at " + source + " (from " + uri + "). Check the path.", e);
        } catch (IOException e) {
            throw new DownloadException(uri, "Cannot copy " + source + " into the cache: " + e.getMessage(), e);
        }
        return Hashing.hex(digest.digest());
    }
}
