package io.jhub.fetch.ssh.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host field of a known_hosts line, matched as OpenSSH does: either one hashed name {@code |1|salt|hash}
 * (HMAC-SHA1 of the name keyed with the salt), or comma-separated patterns where {@code *} matches any run of
 * characters, {@code ?} one character, and a matching {@code !pattern} excludes the name whatever else matches.
 */
final class HostPatterns {
    private HostPatterns() {
    }

    /**
     * Tells whether a host field names a lookup name.
     *
     * @param field the host field of a known_hosts line
     * @param name a lower-case lookup name, {@code host} or {@code [host]:port}
     * @return true if it matches
     */
    static boolean matches(String field, String name) {
        if (field.startsWith("|1|")) {
            return hashedMatches(field, name);
        }
        boolean hit = false;
        for (String p : field.split(",")) {
            boolean negated = p.startsWith("!");
            String pattern = (negated ? p.substring(1) : p).toLowerCase(Locale.ROOT);
            if (!pattern.isEmpty() && glob(pattern, 0, name, 0)) {
                if (negated) {
                    return false;
                }
                hit = true;
            }
        }
        return hit;
    }

    private static boolean hashedMatches(String field, String name) {
        String[] parts = field.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] want = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(want, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // a malformed hashed entry names nothing
        }
    }

    private static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
