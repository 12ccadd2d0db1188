package io.jhub.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-http server on a raw socket that answers every request on a connection with {@code ok} (HTTP/1.1,
 * {@code Content-Length}, no {@code Connection: close}), counting the connections it accepted. With
 * {@code dropAfterReply} it closes each connection silently after its first reply, as a server whose keep-alive
 * timeout passed does.
 */
final class KeepAliveServer implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    /** Each request's line and the number of the connection it came on (1 for the first). */
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final boolean dropAfterReply;

    KeepAliveServer(boolean dropAfterReply) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.dropAfterReply = dropAfterReply;
        Thread t = new Thread(this::acceptLoop, "keep-alive-server");
        t.setDaemon(true);
        t.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int n = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, n), "keep-alive-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int number) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                long length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                in.readNBytes((int) length);
                requests.add(head.substring(0, head.indexOf("\r\n")) + " #" + number);
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(ISO_8859_1));
                out.flush();
                if (dropAfterReply) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            b.write(c);
            matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
        }
        return b.toString(ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
