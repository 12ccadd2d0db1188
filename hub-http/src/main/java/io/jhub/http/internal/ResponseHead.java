package io.jhub.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The status line and headers of an HTTP/1.x reply, read from a stream up to the empty line that ends them.
 *
 * @param status the status code
 * @param headers every header's values, names compared ignoring case
 * @param http11 true for an HTTP/1.1 reply, false for HTTP/1.0
 */
record ResponseHead(int status, Map<String, List<String>> headers, boolean http11) {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /**
     * Returns a header's first value.
     *
     * @param name the name, any case
     * @return the value, if present
     */
    Optional<String> first(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * Returns every value of a header.
     *
     * @param name the name, any case
     * @return the values in order, empty when absent
     */
    List<String> all(String name) {
        List<String> v = headers.get(name);
        return v == null ? List.of() : List.copyOf(v);
    }

    /**
     * Tells whether the server keeps the connection open after this reply: HTTP/1.1 without
     * {@code Connection: close}.
     *
     * @return true if the connection may carry another request once the body is read
     */
    boolean persistent() {
        return http11 && all("Connection").stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .noneMatch(t -> t.trim().equalsIgnoreCase("close"));
    }

    /**
     * Reads the head of the next final reply, skipping interim (1xx) ones.
     *
     * @param in the connection's input, positioned at a status line
     * @return the head
     * @throws ClosedWithoutReply if the connection ends before the reply's first byte
     * @throws IOException if the connection ends early or the reply is malformed
     */
    static ResponseHead read(InputStream in) throws IOException {
        boolean first = true;
        while (true) {
            String statusLine = first ? HttpLines.read(in, MAX_LINE, "a reply status line")
                    .orElseThrow(ClosedWithoutReply::new) : line(in);
            first = false;
            if (!statusLine.matches("HTTP/1\\.[01] [1-5]\\d\\d( .*)?")) {
                throw new ProtocolException("not an HTTP/1.1 status line: \"" + printable(statusLine) + "\"");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int count = 0; ; count++) {
                String h = line(in);
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                if (colon <= 0 || count >= MAX_HEADERS) {
                    throw new ProtocolException("malformed or too many response headers: \"" + printable(h) + "\"");
                }
                headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).trim());
            }
            if (status >= 200) {
                return new ResponseHead(status, headers, statusLine.startsWith("HTTP/1.1"));
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        return HttpLines.read(in, MAX_LINE, "a reply header line").orElseThrow(() -> new ProtocolException("the"
                + " server closed the connection without a reply"));
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
