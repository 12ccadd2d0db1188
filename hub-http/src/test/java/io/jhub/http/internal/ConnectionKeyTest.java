package io.jhub.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pool's keys and routes compare by value, with equals and hashCode written out instead of generated. */
class ConnectionKeyTest {
    private static ProxyRoute http(String host, Optional<ProxyCredentials> credentials) {
        return new ProxyRoute(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, 3128)),
                credentials);
    }

    private static ConnectionPool.Key key(String scheme, String host, int port, ProxyRoute route) {
        // new String instances: equality must not rest on identity
        return new ConnectionPool.Key(new String(scheme), new String(host), port, route);
    }

    @Test
    void equalPartsMakeEqualKeysAndHashes() {
        ProxyRoute a = http("proxy", Optional.of(new ProxyCredentials("alice", "s3cret")));
        ProxyRoute b = http("proxy", Optional.of(new ProxyCredentials(new String("alice"), new String("s3cret"))));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(key("https", "example.org", 443, a), key("https", "example.org", 443, b));
        assertEquals(key("https", "example.org", 443, a).hashCode(), key("https", "example.org", 443, b).hashCode());
        assertEquals(key("https", "h", -1, ProxyRoute.DIRECT), key("https", "h", -1, ProxyRoute.first(List.of())));
    }

    @Test
    void eachPartTellsKeysApart() {
        ProxyRoute alice = http("proxy", Optional.of(new ProxyCredentials("alice", "s3cret")));
        ConnectionPool.Key base = key("https", "example.org", 443, alice);
        assertNotEquals(base, key("http", "example.org", 443, alice));
        assertNotEquals(base, key("https", "example.com", 443, alice));
        assertNotEquals(base, key("https", "example.org", 8443, alice));
        assertNotEquals(base, key("https", "example.org", 443, ProxyRoute.DIRECT));
        assertNotEquals(base, key("https", "example.org", 443, http("other", alice.credentials())));
        assertNotEquals(base, key("https", "example.org", 443,
                http("proxy", Optional.of(new ProxyCredentials("alice", "other")))));
        assertNotEquals(base, key("https", "example.org", 443, http("proxy", Optional.empty())));
        assertNotEquals(alice, "not a route");
        assertNotEquals(base, "not a key");
    }

    @Test
    void aConnectionComesBackForAnEqualKeyOnly() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            ConnectionPool pool = new ConnectionPool(4, 16, 60_000);
            DirectSockets.Connection c = new DirectSockets.Connection(client, client);
            pool.give(key("https", "example.org", 443, ProxyRoute.DIRECT), c);
            assertTrue(pool.take(key("https", "example.org", 444, ProxyRoute.DIRECT)).isEmpty());
            assertTrue(pool.take(key("https", "example.org", 443,
                    http("proxy", Optional.empty()))).isEmpty());
            assertSame(c, pool.take(key("https", "example.org", 443, ProxyRoute.DIRECT)).orElseThrow());
            assertEquals(0, pool.idleCount());
        }
    }
}
