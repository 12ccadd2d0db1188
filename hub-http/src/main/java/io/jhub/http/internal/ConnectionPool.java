package io.jhub.http.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Idle keep-alive connections, per destination ({@link Key}: scheme, host, port and route). A connection is
 * handed back only after its reply was read to the end; one that waited longer than the idle limit is closed
 * instead of reused, and the pool keeps at most a few per destination and in all, closing the oldest beyond
 * that. Thread-safe.
 */
final class ConnectionPool {
    /** Where a connection leads: the same key means the same server through the same proxy and credentials. */
    record Key(String scheme, String host, int port, ProxyRoute route) {
        // equals and hashCode written out: a record's generated ones link java.lang.invoke method handles on first
        // use, which in a fresh JVM took ~25 ms of its first request (the pool hashes a key once a reply is read)
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && port == k.port && scheme.equals(k.scheme) && host.equals(k.host)
                    && route.equals(k.route);
        }

        @Override
        public int hashCode() {
            return ((scheme.hashCode() * 31 + host.hashCode()) * 31 + port) * 31 + route.hashCode();
        }
    }

    private record Idle(Key key, DirectSockets.Connection connection, long since) {
    }

    private final int perKey;
    private final int total;
    private final long idleNanos;
    private final Map<Key, Deque<Idle>> idle = new HashMap<>();
    private int count;

    /**
     * Creates an empty pool.
     *
     * @param perKey the most idle connections kept per destination
     * @param total the most idle connections kept in all
     * @param idleMillis how long a connection may wait idle before it is closed rather than reused
     */
    ConnectionPool(int perKey, int total, long idleMillis) {
        this.perKey = perKey;
        this.total = total;
        this.idleNanos = idleMillis * 1_000_000;
    }

    /**
     * Takes the most recently used idle connection to a destination.
     *
     * @param key the destination
     * @return the connection, or empty when none is idle
     */
    Optional<DirectSockets.Connection> take(Key key) {
        long now = System.nanoTime();
        while (true) {
            Idle i;
            synchronized (this) {
                Deque<Idle> q = idle.get(key);
                i = q == null ? null : q.pollLast();
                if (i == null) {
                    return Optional.empty();
                }
                count--;
            }
            if (now - i.since() < idleNanos && !i.connection().io().isClosed()) {
                return Optional.of(i.connection());
            }
            i.connection().close();
        }
    }

    /**
     * Hands back a connection whose last reply was read to its end.
     *
     * @param key its destination
     * @param c the connection
     */
    void give(Key key, DirectSockets.Connection c) {
        DirectSockets.Connection evicted = null;
        synchronized (this) {
            Deque<Idle> q = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
            q.addLast(new Idle(key, c, System.nanoTime()));
            count++;
            if (q.size() > perKey) {
                evicted = q.pollFirst().connection();
                count--;
            } else if (count > total) {
                evicted = oldest();
            }
        }
        if (evicted != null) {
            evicted.close();
        }
    }

    /**
     * Returns how many connections are idle, for tests and logs.
     *
     * @return the count
     */
    synchronized int idleCount() {
        return count;
    }

    private DirectSockets.Connection oldest() {
        Idle found = null;
        for (Deque<Idle> q : idle.values()) {
            Idle first = q.peekFirst();
            if (first != null && (found == null || first.since() - found.since() < 0)) {
                found = first;
            }
        }
        idle.get(found.key()).pollFirst();
        count--;
        for (Iterator<Deque<Idle>> it = idle.values().iterator(); it.hasNext(); ) {
            if (it.next().isEmpty()) {
                it.remove();
            }
        }
        return found.connection();
    }
}
