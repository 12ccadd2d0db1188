package io.jhub.http;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to send through {@link HttpEngine#send(HttpCall, ResponseHandler)}. Immutable: the
 * {@code header} and {@code credential} methods return changed copies.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param uri an absolute {@code https:} (or, when allowed, {@code http:}) URI
 * @param headers extra request headers (not the credential)
 * @param credential a secret header bound to one authority
 * @param body the request body, if any
 * @since 0.1
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, Optional<Credential> credential,
                       Optional<byte[]> body) {

    /**
     * Validates and copies the fields.
     *
     * @param method the HTTP method
     * @param uri the URL
     * @param headers extra headers
     * @param credential the credential, if any
     * @param body the body, if any
     * @throws NullPointerException if any field is null
     * @throws IllegalArgumentException if the method is not a token or the URI is not absolute http(s)
     */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(body, "body");
        if (!method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("HTTP method must be upper-case letters, got \"" + method + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("Expected an absolute https: URL with a host, got \"" + uri + "\"");
        }
        headers.forEach(HttpCall::checkHeader);
        headers = Map.copyOf(headers);
        body = body.map(b -> Arrays.copyOf(b, b.length));
    }

    /**
     * Makes a GET request without extra headers.
     *
     * @param uri the URL
     * @return the call
     */
    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), Optional.empty(), Optional.empty());
    }

    /**
     * Makes a POST request with a body.
     *
     * @param uri the URL
     * @param contentType the body's media type
     * @param body the bytes to send (copied)
     * @return the call
     */
    public static HttpCall post(URI uri, String contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return new HttpCall("POST", uri, Map.of("Content-Type", contentType), Optional.empty(), Optional.of(body));
    }

    /**
     * Returns a copy with one more header (replacing a header of the same name, ignoring case).
     *
     * @param name the header name
     * @param value its value
     * @return the changed copy
     * @throws IllegalArgumentException if the name or value is malformed
     */
    public HttpCall header(String name, String value) {
        checkHeader(name, value);
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                copy.put(k, v);
            }
        });
        copy.put(name, value);
        return new HttpCall(method, uri, copy, credential, body);
    }

    /**
     * Returns a copy that carries {@code c}.
     *
     * @param c the credential
     * @return the changed copy
     */
    public HttpCall credential(Credential c) {
        return new HttpCall(method, uri, headers, Optional.of(Objects.requireNonNull(c, "credential")), body);
    }

    /**
     * Returns a copy of the body, so the call stays immutable.
     *
     * @return the body bytes, or empty
     */
    @Override
    public Optional<byte[]> body() {
        return body.map(b -> Arrays.copyOf(b, b.length));
    }

    /** Returns the body without copying it, for the engine. */
    Optional<byte[]> bodyBytes() {
        return body;
    }

    /**
     * Describes the call without the credential value or the body.
     *
     * @return method, URL and header names
     */
    @Override
    public String toString() {
        return "HttpCall[" + method + " " + uri + " headers=" + headers.keySet()
                + credential.map(c -> " " + c).orElse("") + body.map(b -> " body=" + b.length + " bytes").orElse("")
                + "]";
    }

    private static void checkHeader(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value of " + name);
        if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalArgumentException("Not a valid HTTP header name: \"" + name + "\"");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Header " + name + " must not contain a line break");
        }
    }
}
