package io.jhub.http.internal.download;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a downloaded file's SHA-256 must be: the whole hash, or a prefix taken from the file name (torch's
 * {@code name-<hex>.ext}).
 *
 * @param hex lower-case hex, 64 digits or a prefix
 * @param prefix true when only a prefix is known
 */
public record ExpectedHash(String hex, boolean prefix) {
    private static final Pattern NAME_HASH = Pattern.compile("-([0-9a-f]{6,64})\\.[^-]*$");

    /**
     * Finds the hash prefix in a file name such as {@code resnet18-f37072fd.pth}.
     *
     * @param fileName the name
     * @return the prefix, if the name carries at least 6 hex digits between its last {@code -} and a {@code .}
     */
    public static Optional<ExpectedHash> fromName(String fileName) {
        Matcher m = NAME_HASH.matcher(fileName);
        return m.find() ? Optional.of(new ExpectedHash(m.group(1), true)) : Optional.empty();
    }

    /**
     * Tells whether an actual hash satisfies this expectation.
     *
     * @param actualHex the file's SHA-256 in lower-case hex
     * @return true when it matches
     */
    public boolean matches(String actualHex) {
        return prefix ? actualHex.startsWith(hex) : actualHex.equals(hex);
    }
}
