package io.jhub.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A loopback HTTP(S) server whose single handler the test supplies; it records every request it receives. */
final class RecordingServer implements AutoCloseable {
    /** One received request. */
    record Request(long nanoTime, String method, String path, Headers headers) {
    }

    /** What the test does with an exchange. */
    interface Handler {
        void handle(HttpExchange exchange, int index) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    RecordingServer(SSLContext tls, Handler handler) throws IOException {
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(addr, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = s;
        } else {
            server = HttpServer.create(addr, 0);
        }
        server.createContext("/", exchange -> {
            int index;
            synchronized (requests) {
                index = requests.size();
                requests.add(new Request(System.nanoTime(), exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
            }
            try {
                handler.handle(exchange, index);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    URI uri(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
