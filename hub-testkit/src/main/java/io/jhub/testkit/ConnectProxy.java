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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal loopback HTTP proxy for tests. It relays {@code CONNECT} tunnels and absolute-form requests
 * ({@code GET http://host:port/path}, sent on to the server in origin form with {@code Connection: close} and
 * without {@code Proxy-Authorization}), can require Basic credentials (407 otherwise), answers 502 when the server
 * cannot be reached, and records what it saw.
 */
public final class ConnectProxy implements AutoCloseable {
    /**
     * One request as the proxy saw it.
     *
     * @param line the request line, such as {@code CONNECT 127.0.0.1:8443 HTTP/1.1}
     * @param proxyAuthorization the {@code Proxy-Authorization} header, if sent
     * @param connection the {@code Connection} header ({@code close} from jhub's own connections), if sent
     */
    public record Seen(String line, Optional<String> proxyAuthorization, Optional<String> connection) {
    }

    /** The target of each CONNECT. */
    public final List<String> targets = new CopyOnWriteArrayList<>();
    /** Every request, CONNECT or absolute form, in order. */
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Optional<String> required;
    private final ServerSocket server;

    /**
     * A proxy that lets everyone through.
     *
     * @throws IOException if no loopback port can be bound
     */
    public ConnectProxy() throws IOException {
        this(Optional.empty());
    }

    /**
     * A proxy that requires Basic credentials.
     *
     * @param user the user name
     * @param password the password
     * @throws IOException if no loopback port can be bound
     */
    public ConnectProxy(String user, String password) throws IOException {
        this(Optional.of(basic(user, password)));
    }

    private ConnectProxy(Optional<String> required) throws IOException {
        this.required = required;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "test-connect-proxy");
    }

    /**
     * Returns the {@code Proxy-Authorization} value of Basic credentials.
     *
     * @param user the user name
     * @param password the password
     * @return {@code Basic <base64(user:password)>}
     */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Fails if a proxy secret shows in an error, its causes or their suppressed errors.
     *
     * @param t the error
     * @param secret the secret (a password, in any encoding the test sent)
     * @throws AssertionError naming the error that shows it
     */
    public static void assertNoSecret(Throwable t, String secret) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (String.valueOf(c).contains(secret)) {
                throw new AssertionError("A proxy secret shows in " + c);
            }
            for (Throwable s : c.getSuppressed()) {
                assertNoSecret(s, secret);
            }
        }
    }

    /**
     * Returns the loopback port the proxy listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> serve(client), "test-connect-proxy-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String[] lines = readHead(in).split("\r\n");
            String[] first = lines[0].split(" ");
            if (first.length != 3) {
                return; // no request at all
            }
            Optional<String> auth = header(lines, "proxy-authorization");
            seen.add(new Seen(lines[0], auth, header(lines, "connection")));
            boolean connect = first[0].equals("CONNECT");
            if (!connect && !first[1].startsWith("http://")) {
                reply(client, "405 Method Not Allowed");
                return;
            }
            if (required.isPresent() && !required.equals(auth)) {
                reply(client, "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"");
                return;
            }
            URI target = URI.create(connect ? "tcp://" + first[1] : first[1]);
            if (connect) {
                targets.add(first[1]);
            }
            Socket upstream;
            try {
                upstream = new Socket(target.getHost(), target.getPort() < 0 ? 80 : target.getPort());
            } catch (IOException e) {
                reply(client, "502 Bad Gateway");
                return;
            }
            try (upstream) {
                if (connect) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                } else {
                    upstream.getOutputStream().write(originForm(lines, first, target));
                }
                daemon(() -> pipe(in, upstream), "test-connect-proxy-up");
                upstream.getInputStream().transferTo(client.getOutputStream());
            }
        } catch (IOException ignored) {
            // the client or server went away
        }
    }

    private static byte[] originForm(String[] lines, String[] first, URI target) {
        String path = target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        StringBuilder sb = new StringBuilder(first[0]).append(' ').append(path)
                .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(' ').append(first[2])
                .append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).toLowerCase(Locale.ROOT);
            if (!name.equals("proxy-authorization") && !name.equals("connection") && !lines[i].isEmpty()) {
                sb.append(lines[i]).append("\r\n");
            }
        }
        return sb.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Optional<String> header(String[] lines, String lowerName) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return Optional.of(lines[i].substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static void reply(Socket client, String statusAndHeaders) throws IOException {
        client.getOutputStream().write(("HTTP/1.1 " + statusAndHeaders + "\r\nContent-Length: 0\r\nConnection: close"
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            from.transferTo(out);
            to.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                break;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
