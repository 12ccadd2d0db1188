package io.jhub.fetch.https.internal;

import java.util.Optional;

/**
 * What an extraction wrote.
 *
 * @param entries entries read from the archive
 * @param bytes file bytes written
 * @param commit the commit id the archive names (tar pax {@code comment}, zip comment), if any
 */
public record ExtractResult(long entries, long bytes, Optional<String> commit) {
}
