package io.jhub.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The user name and password of a proxy URL ({@code http://user:password@proxy:3128}), already percent-decoded.
 * {@link #toString()} never shows the password.
 *
 * @param user the user name (may be empty)
 * @param password the password (may be empty)
 */
public record ProxyCredentials(String user, String password) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public ProxyCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Returns the value of a {@code Proxy-Authorization} header for these credentials.
     *
     * @return {@code Basic} and the Base64 of {@code user:password} in UTF-8
     */
    public String basicAuthorization() {
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    @Override
    public String toString() {
        return "ProxyCredentials[user=" + user + ", password=(hidden)]";
    }
}
