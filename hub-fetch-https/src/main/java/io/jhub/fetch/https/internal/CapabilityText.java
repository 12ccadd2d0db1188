package io.jhub.fetch.https.internal;

import io.jhub.git.wire.RefAdvertisement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text form of a repository's protocol v2 capabilities in a state file: a header line, then one capability
 * per line as the host advertised it ({@code agent=git/2.39.5}, {@code ls-refs=unborn}, ...), each line ending in
 * a line feed. That is all {@link RefAdvertisement#writeLsRefs} needs. Only printable ASCII is written or
 * accepted, so a line read back can never break the {@code ls-refs} request it goes into.
 */
final class CapabilityText {
    /** The first line; another version of the format reads as foreign and is ignored. */
    static final String HEADER = "jhub v2-capabilities 1";

    private CapabilityText() {
    }

    /**
     * Writes capabilities as text.
     *
     * @param caps a version 2 advertisement (its refs, if any, are not written)
     * @return the text, or empty if this is no v2 advertisement or a capability holds a character the format
     *         cannot carry (so nothing is remembered)
     */
    static Optional<String> write(RefAdvertisement caps) {
        if (caps.version() != 2) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (String c : caps.capabilities()) {
            if (!printable(c)) {
                return Optional.empty();
            }
            b.append(c).append('\n');
        }
        return Optional.of(b.toString());
    }

    /**
     * Reads text written by {@link #write}.
     *
     * @param text the file's content
     * @return the capabilities as a version 2 advertisement without refs, or empty if the text is not in this
     *         format (another header, a missing final line feed, an empty line or a character other than
     *         printable ASCII)
     */
    static Optional<RefAdvertisement> read(String text) {
        if (!text.startsWith(HEADER + "\n") || !text.endsWith("\n")) {
            return Optional.empty();
        }
        List<String> caps = new ArrayList<>();
        int start = HEADER.length() + 1;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end);
            if (!printable(line)) {
                return Optional.empty();
            }
            caps.add(line);
            start = end + 1;
        }
        return Optional.of(new RefAdvertisement(2, List.of(), caps, Optional.empty()));
    }

    /** Non-empty, space to tilde only. */
    private static boolean printable(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
