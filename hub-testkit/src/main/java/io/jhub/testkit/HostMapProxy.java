package io.jhub.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback {@code CONNECT} proxy that sends each tunnel to a loopback port chosen by the requested host name,
 * so tests can reach servers under names such as {@code gitlab.attacker.test} or {@code github.com} without DNS.
 * Point a client at it with {@code HTTPS_PROXY=http://127.0.0.1:<port>}; give the servers a certificate for the
 * names ({@link TestCertificates#generate(java.nio.file.Path, String)}). Unknown names get {@code 502}.
 */
public final class HostMapProxy implements AutoCloseable {
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    private HostMapProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop, "host-map-proxy");
    }

    /**
     * Starts a proxy on {@code 127.0.0.1} and a free port.
     *
     * @return the running proxy
     * @throws IOException if it cannot listen
     */
    public static HostMapProxy start() throws IOException {
        return new HostMapProxy();
    }

    /**
     * Sends tunnels to {@code host} (any port) to a loopback port.
     *
     * @param host the requested host name
     * @param loopbackPort where its tunnels go
     * @return this proxy
     */
    public HostMapProxy map(String host, int loopbackPort) {
        ports.put(host.toLowerCase(Locale.ROOT), loopbackPort);
        return this;
    }

    /**
     * Returns the proxy URL for {@code HTTPS_PROXY}.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Returns the {@code host:port} of every {@code CONNECT} so far, in order.
     *
     * @return a snapshot
     */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> serve(client), "host-map-proxy-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String[] first = readHead(in).split("\r\n")[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (first.length != 3 || !first[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            targets.add(first[1]);
            String host = first[1].substring(0, first[1].lastIndexOf(':')).toLowerCase(Locale.ROOT);
            Integer port = ports.get(host);
            if (port == null) {
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                daemon(() -> pipe(in, upstream), "host-map-proxy-up");
                upstream.getInputStream().transferTo(out);
            }
        } catch (IOException ignored) {
            // one side went away
        }
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed
        }
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

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** Stops accepting tunnels. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
