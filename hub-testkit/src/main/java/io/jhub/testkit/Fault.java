package io.jhub.testkit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure {@link GitHttpsServer} injects into the next matching requests.
 *
 * @param pathPart the fault applies to requests whose path and query contain this text
 * @param kind what happens
 * @param status the status to answer with, for {@link Kind#STATUS}
 * @param bytes how many bytes to send, for {@link Kind#DROP_AFTER} and {@link Kind#TRUNCATE}
 * @param redirectBase where to redirect (the same path is appended), for {@link Kind#REDIRECT}
 * @param headers extra response headers, e.g. {@code Retry-After}
 * @param times how many requests it applies to
 */
public record Fault(String pathPart, Kind kind, int status, long bytes, Optional<URI> redirectBase,
        Map<String, String> headers, int times) {

    /** What a fault does. */
    public enum Kind {
        /** Answer with a status and no real body. */
        STATUS,
        /** Send the declared length, but only the first bytes, then close the connection. */
        DROP_AFTER,
        /** Send only the first bytes, declared as the whole body: a cut archive that arrives cleanly. */
        TRUNCATE,
        /** Answer 302 to another server. */
        REDIRECT,
        /** Send the first bytes, then send nothing more until the server closes (a stalled host). */
        STALL_AFTER
    }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Fault {
        Objects.requireNonNull(pathPart, "pathPart");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(redirectBase, "redirectBase");
        headers = Map.copyOf(headers);
    }

    /**
     * Answers {@code times} matching requests with a status.
     *
     * @param pathPart text the path and query must contain
     * @param status the status
     * @param times how many requests
     * @return the fault
     */
    public static Fault status(String pathPart, int status, int times) {
        return new Fault(pathPart, Kind.STATUS, status, 0, Optional.empty(), Map.of(), times);
    }

    /**
     * Answers with 429 and a {@code Retry-After} in seconds.
     *
     * @param pathPart text the path and query must contain
     * @param seconds the Retry-After value
     * @param times how many requests
     * @return the fault
     */
    public static Fault tooManyRequests(String pathPart, int seconds, int times) {
        return status(pathPart, 429, times).withHeader("Retry-After", Integer.toString(seconds));
    }

    /**
     * Sends the first bytes of the real answer and drops the connection.
     *
     * @param pathPart text the path and query must contain
     * @param bytes how many body bytes to send
     * @param times how many requests
     * @return the fault
     */
    public static Fault dropAfter(String pathPart, long bytes, int times) {
        return new Fault(pathPart, Kind.DROP_AFTER, 200, bytes, Optional.empty(), Map.of(), times);
    }

    /**
     * Sends only the first bytes of the real answer, with a matching Content-Length.
     *
     * @param pathPart text the path and query must contain
     * @param bytes how many body bytes to send
     * @param times how many requests
     * @return the fault
     */
    public static Fault truncate(String pathPart, long bytes, int times) {
        return new Fault(pathPart, Kind.TRUNCATE, 200, bytes, Optional.empty(), Map.of(), times);
    }

    /**
     * Sends the first bytes of the real answer, then stalls until the server is closed.
     *
     * @param pathPart text the path and query must contain
     * @param bytes how many body bytes to send
     * @param times how many requests
     * @return the fault
     */
    public static Fault stallAfter(String pathPart, long bytes, int times) {
        return new Fault(pathPart, Kind.STALL_AFTER, 200, bytes, Optional.empty(), Map.of(), times);
    }

    /**
     * Redirects to another server, keeping path and query.
     *
     * @param pathPart text the path and query must contain
     * @param base the other server's base URI
     * @param times how many requests
     * @return the fault
     */
    public static Fault redirect(String pathPart, URI base, int times) {
        return new Fault(pathPart, Kind.REDIRECT, 302, 0, Optional.of(base), Map.of(), times);
    }

    /**
     * Returns a copy with one more response header.
     *
     * @param name the header name
     * @param value its value
     * @return the new fault
     */
    public Fault withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Fault(pathPart, kind, status, bytes, redirectBase, h, times);
    }
}
