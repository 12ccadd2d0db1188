package io.jhub.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTPS file server that honours {@code Range} (single ranges) and {@code If-Range} (ETag), records
 * every request, and can be told to misbehave: answer a status, drop the connection after N bytes, stall after
 * N bytes until released, ignore ranges, serve wrong bytes, change the ETag, or show another ETag (or none)
 * while honouring every Range.
 */
public final class RangeHttpsServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    /**
     * One request as the server saw it.
     *
     * @param method the method
     * @param path the path
     * @param range the Range header
     * @param ifRange the If-Range header
     * @param status the status answered
     * @param first first byte sent (or that would have been sent)
     * @param last last byte position of the answer (inclusive), -1 when no body was planned
     * @param nanoTime when it arrived ({@link System#nanoTime()})
     * @param connection the Connection header ({@code close} from a client that opens one connection per request)
     */
    public record Request(String method, String path, Optional<String> range, Optional<String> ifRange, int status,
                          long first, long last, long nanoTime, Optional<String> connection) {
    }

    /** A way to misbehave on one request. */
    public sealed interface Fault {
        /**
         * Answers a status with extra headers and no body.
         *
         * @param code the status
         * @param headers extra response headers (such as Retry-After)
         * @return the fault
         */
        static Fault status(int code, Map<String, String> headers) {
            return new Status(code, Map.copyOf(headers));
        }

        /**
         * Sends the headers and {@code bytes} bytes of the body, then cuts the connection.
         *
         * @param bytes how many body bytes to send
         * @return the fault
         */
        static Fault dropAfter(long bytes) {
            return new Drop(bytes, null, null);
        }

        /**
         * Sends {@code bytes} body bytes, counts {@code reached} down, waits for {@code release}, then cuts the
         * connection.
         *
         * @param bytes how many body bytes to send
         * @param reached counted down once the bytes are flushed
         * @param release what to wait for
         * @return the fault
         */
        static Fault stallAfter(long bytes, CountDownLatch reached, CountDownLatch release) {
            return new Drop(bytes, reached, release);
        }

        /**
         * Answers 200 with the whole file whatever the Range.
         *
         * @return the fault
         */
        static Fault ignoreRanges() {
            return new IgnoreRanges();
        }

        /**
         * Answers a range with the right bytes but a {@code Content-Range} that starts one byte later.
         *
         * @return the fault
         */
        static Fault wrongContentRange() {
            return new WrongContentRange();
        }

        /**
         * Serves the right length with every byte inverted.
         *
         * @return the fault
         */
        static Fault wrongBytes() {
            return new WrongBytes();
        }

        /**
         * Serves the current content with this ETag, or none, instead of the real one, and answers a Range
         * whatever its If-Range says: a server whose If-Range is broken, or that sends no validator.
         *
         * @param etag the ETag to show (quoted, such as {@code "v2"}), or empty for no ETag at all
         * @return the fault
         */
        static Fault otherEtag(Optional<String> etag) {
            return new OtherEtag(etag);
        }
    }

    private record OtherEtag(Optional<String> etag) implements Fault {
    }

    private record Status(int code, Map<String, String> headers) implements Fault {
    }

    private record Drop(long bytes, CountDownLatch reached, CountDownLatch release) implements Fault {
    }

    private record IgnoreRanges() implements Fault {
    }

    private record WrongBytes() implements Fault {
    }

    private record WrongContentRange() implements Fault {
    }

    private static final class Resource {
        volatile byte[] content;
        volatile String etag;
        final Deque<Fault> next = new ArrayDeque<>();
        final Map<Long, Deque<Fault>> byRangeStart = new ConcurrentHashMap<>();
        final List<Fault> always = new CopyOnWriteArrayList<>();
    }

    /** Thrown by a handler to cut the connection without finishing the response. */
    private static final class CutConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CutConnection() {
            super("connection cut on purpose by the test server", null, false, false);
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "range-https-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> releases = new CopyOnWriteArrayList<>();

    private RangeHttpsServer(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a server on 127.0.0.1 with a free port.
     *
     * @param tls the server's TLS context ({@link TestCertificates#serverContext()})
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static RangeHttpsServer start(SSLContext tls) throws IOException {
        return new RangeHttpsServer(tls);
    }

    /**
     * Serves {@code content} at {@code path} with the ETag {@code "v1"}.
     *
     * @param path the path, starting with {@code /}
     * @param content the bytes
     * @return this server
     */
    public RangeHttpsServer serve(String path, byte[] content) {
        Resource r = resources.computeIfAbsent(path, p -> new Resource());
        r.content = content.clone();
        r.etag = "\"v1\"";
        return this;
    }

    /**
     * Replaces the content and ETag at a path (the file "changed on the server").
     *
     * @param path the path
     * @param content the new bytes
     * @param etag the new ETag, quoted, such as {@code "v2"}
     */
    public void change(String path, byte[] content, String etag) {
        Resource r = resource(path);
        r.content = content.clone();
        r.etag = etag;
    }

    /**
     * Makes the next request to {@code path} misbehave (faults queue up, one per request).
     *
     * @param path the path
     * @param fault the fault
     */
    public void failNext(String path, Fault fault) {
        Resource r = resource(path);
        synchronized (r.next) {
            r.next.add(fault);
        }
    }

    /**
     * Makes the next request to {@code path} whose range starts at {@code firstByte} misbehave.
     *
     * @param path the path
     * @param firstByte the first byte of the range
     * @param fault the fault
     */
    public void failRange(String path, long firstByte, Fault fault) {
        Resource r = resource(path);
        Deque<Fault> q = r.byRangeStart.computeIfAbsent(firstByte, k -> new ArrayDeque<>());
        synchronized (q) {
            q.add(fault);
        }
    }

    /**
     * Makes every request to {@code path} misbehave.
     *
     * @param path the path
     * @param fault the fault (ignoreRanges or wrongBytes)
     */
    public void failAlways(String path, Fault fault) {
        resource(path).always.add(fault);
    }

    /**
     * Returns the URL of a path.
     *
     * @param path the path
     * @return {@code https://127.0.0.1:<port><path>}
     */
    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /**
     * Returns the requests made to a path, in arrival order.
     *
     * @param path the path
     * @return the requests
     */
    public List<Request> requests(String path) {
        List<Request> out = new ArrayList<>();
        for (Request r : requests) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Counts the requests to a path answered (200 or 206) with the whole file from its first to its last byte.
     *
     * @param path the path
     * @return how many
     */
    public long fullBodyRequests(String path) {
        long length = resource(path).content.length;
        return requests(path).stream().filter(r -> (r.status() == 200 || r.status() == 206) && r.first() == 0
                && r.last() == length - 1).count();
    }

    /**
     * Counts the requests to a path answered 206.
     *
     * @param path the path
     * @return how many
     */
    public long rangeRequests(String path) {
        return requests(path).stream().filter(r -> r.status() == 206).count();
    }

    private Resource resource(String path) {
        Resource r = resources.get(path);
        if (r == null) {
            throw new IllegalArgumentException("nothing served at " + path + "; call serve first");
        }
        return r;
    }

    private void handle(HttpExchange ex) throws IOException {
        long now = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        Optional<String> range = Optional.ofNullable(ex.getRequestHeaders().getFirst("Range"));
        Optional<String> ifRange = Optional.ofNullable(ex.getRequestHeaders().getFirst("If-Range"));
        Resource res = resources.get(path);
        if (res == null) {
            record(ex, path, range, ifRange, 404, -1, -1, now);
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        Fault fault;
        synchronized (res.next) {
            fault = res.next.poll();
        }
        if (fault == null && range.isPresent()) {
            Matcher m0 = RANGE.matcher(range.get().trim());
            Deque<Fault> q = m0.matches() ? res.byRangeStart.get(Long.parseLong(m0.group(1))) : null;
            if (q != null) {
                synchronized (q) {
                    fault = q.poll();
                }
            }
        }
        if (fault instanceof Status s) {
            record(ex, path, range, ifRange, s.code(), -1, -1, now);
            s.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(s.code(), -1);
            ex.close();
            return;
        }
        byte[] content = res.content;
        String etag = res.etag;
        boolean ignoreRanges = res.always.stream().anyMatch(f -> f instanceof IgnoreRanges)
                || fault instanceof IgnoreRanges;
        boolean wrong = res.always.stream().anyMatch(f -> f instanceof WrongBytes) || fault instanceof WrongBytes;
        long first = 0;
        long last = content.length - 1L;
        int status = 200;
        Optional<OtherEtag> other = fault instanceof OtherEtag o ? Optional.of(o) : res.always.stream()
                .filter(f -> f instanceof OtherEtag).map(f -> (OtherEtag) f).findFirst();
        boolean validatorOk = ifRange.isEmpty() || ifRange.get().equals(etag) || other.isPresent();
        if (range.isPresent() && !ignoreRanges && validatorOk) {
            Matcher m = RANGE.matcher(range.get().trim());
            if (m.matches()) {
                first = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    last = Math.min(last, Long.parseLong(m.group(2)));
                }
                if (first >= content.length) {
                    record(ex, path, range, ifRange, 416, -1, -1, now);
                    ex.getResponseHeaders().add("Content-Range", "bytes */" + content.length);
                    ex.sendResponseHeaders(416, -1);
                    ex.close();
                    return;
                }
                status = 206;
            }
        }
        record(ex, path, range, ifRange, status, first, last, now);
        long length = last - first + 1;
        other.map(OtherEtag::etag).orElse(Optional.of(etag)).ifPresent(e -> ex.getResponseHeaders().add("ETag", e));
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (status == 206) {
            long shown = fault instanceof WrongContentRange && last > first ? first + 1 : first;
            ex.getResponseHeaders().add("Content-Range", "bytes " + shown + "-" + last + "/" + content.length);
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().add("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        long limit = fault instanceof Drop d ? Math.min(d.bytes(), length) : length;
        OutputStream out = ex.getResponseBody();
        int chunk = 64 * 1024;
        byte[] buf = new byte[chunk];
        for (long off = 0; off < limit; off += chunk) {
            int n = (int) Math.min(chunk, limit - off);
            System.arraycopy(content, (int) (first + off), buf, 0, n);
            if (wrong) {
                for (int i = 0; i < n; i++) {
                    buf[i] = (byte) ~buf[i];
                }
            }
            out.write(buf, 0, n);
        }
        if (fault instanceof Drop d) {
            out.flush();
            if (d.reached() != null) {
                d.reached().countDown();
                releases.add(d.release());
                try {
                    d.release().await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new CutConnection();
        }
        ex.close();
    }

    private void record(HttpExchange ex, String path, Optional<String> range, Optional<String> ifRange, int status,
                        long first, long last, long now) {
        requests.add(new Request(ex.getRequestMethod(), path, range, ifRange, status, first, last, now,
                Optional.ofNullable(ex.getRequestHeaders().getFirst("Connection"))));
    }

    /** Stops the server, releasing any stalled response. */
    @Override
    public void close() {
        releases.forEach(CountDownLatch::countDown);
        server.stop(0);
        executor.shutdownNow();
    }
}
