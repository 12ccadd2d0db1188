package io.jhub.core.internal;

import io.jhub.core.Hub;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Remembers which hub runs an entry on the current thread, so code inside an entry (pretrained weights, nested
 * loads) uses that hub's cache, offline mode and progress. It lives in the same module as {@link Hub}, so it
 * holds the hub by its type.
 */
public final class CurrentHub {
    private static final ThreadLocal<Hub> CURRENT = new ThreadLocal<>();

    private CurrentHub() {
    }

    /**
     * Runs {@code body} with {@code hub} as the current hub of this thread, restoring the previous one after.
     *
     * @param hub the hub
     * @param body what to run
     * @param <T> the result type
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw
     */
    public static <T> T runAs(Hub hub, Callable<T> body) throws Exception {
        Hub previous = enter(hub);
        try {
            return body.call();
        } finally {
            restore(previous);
        }
    }

    /**
     * Makes {@code hub} the current hub of this thread; pair with {@link #restore} in a {@code finally}.
     *
     * @param hub the hub
     * @return the previous current hub, or {@code null} when there was none, for {@link #restore}
     */
    public static Hub enter(Hub hub) {
        Hub previous = CURRENT.get();
        CURRENT.set(Objects.requireNonNull(hub, "hub"));
        return previous;
    }

    /**
     * Makes the hub {@link #enter} returned current again.
     *
     * @param previous what {@link #enter} returned
     */
    public static void restore(Hub previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /**
     * Returns the hub running an entry on this thread.
     *
     * @return the hub, if any
     */
    public static Optional<Hub> get() {
        return Optional.ofNullable(CURRENT.get());
    }
}
