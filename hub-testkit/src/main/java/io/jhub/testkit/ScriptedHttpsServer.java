package io.jhub.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTPS server on raw TLS sockets whose answers a test writes byte by byte: malformed or conflicting
 * headers, heads and bodies that trickle, redirects to any scheme. Each connection carries one request; the
 * server reads its head, records it, runs the script, and closes the connection.
 */
public final class ScriptedHttpsServer implements AutoCloseable {

    /** What the server sends for one request. */
    @FunctionalInterface
    public interface Script {
        /**
         * Writes the answer; may sleep to be slow.
         *
         * @param request the request, with its index among all requests (0 first)
         * @param out the connection's output
         * @throws IOException if the client went away
         * @throws InterruptedException if the server is closing
         */
        void answer(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * One request as the server saw it.
     *
     * @param index its place among the server's requests, from 0
     * @param line the request line, such as {@code GET /x HTTP/1.1}
     * @param headers the headers, names lower-cased (the last value of a repeated one)
     */
    public record Request(int index, String line, Map<String, String> headers) {
        /**
         * Returns a header.
         *
         * @param name any case
         * @return the value, if sent
         */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final ServerSocket listener;
    private final Script script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-https-server");
        t.setDaemon(true);
        return t;
    });

    private ScriptedHttpsServer(SSLContext tls, Script script) throws IOException {
        this.listener = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        pool.execute(this::acceptLoop);
    }

    /**
     * Starts a server on 127.0.0.1 with a free port.
     *
     * @param tls the server's TLS context ({@link TestCertificates#serverContext()})
     * @param script what to answer
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static ScriptedHttpsServer start(SSLContext tls, Script script) throws IOException {
        return new ScriptedHttpsServer(tls, script);
    }

    /**
     * Writes text as ISO-8859-1 and flushes.
     *
     * @param out the output
     * @param text such as {@code "HTTP/1.1 200 OK\r\n"}
     * @throws IOException if the client went away
     */
    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Writes bytes one at a time with a pause before each, flushing each: a server that trickles.
     *
     * @param out the output
     * @param bytes what to send
     * @param gap the pause before each byte
     * @throws IOException if the client went away
     * @throws InterruptedException if the server is closing
     */
    public static void trickle(OutputStream out, byte[] bytes, Duration gap) throws IOException,
            InterruptedException {
        for (byte b : bytes) {
            Thread.sleep(gap.toMillis());
            out.write(b);
            out.flush();
        }
    }

    /**
     * Returns the URL of a path.
     *
     * @param path the path, starting with {@code /}
     * @return {@code https://127.0.0.1:<port><path>}
     */
    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + listener.getLocalPort() + path);
    }

    /**
     * Returns the requests seen so far, in arrival order.
     *
     * @return the requests
     */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String line = line(in);
            Map<String, String> headers = new TreeMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
            }
            Request r;
            synchronized (requests) {
                r = new Request(requests.size(), line, Map.copyOf(headers));
                requests.add(r);
            }
            OutputStream out = s.getOutputStream();
            script.answer(r, out);
            out.flush();
        } catch (IOException e) {
            // the client went away or the server is closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("connection closed before a request");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Stops accepting and ends every connection, interrupting scripts that sleep. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        pool.shutdownNow();
    }
}
