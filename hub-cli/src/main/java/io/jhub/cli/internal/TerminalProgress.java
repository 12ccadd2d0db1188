package io.jhub.cli.internal;

import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws progress on one terminal line (bytes, rate, ETA), redrawn at most ten times a second.
 */
public final class TerminalProgress implements ProgressListener {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    /**
     * Creates a renderer.
     *
     * @param out the terminal stream (standard error)
     */
    public TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onProgress(ProgressEvent e) {
        long now = System.nanoTime();
        boolean last = e.phase() == ProgressEvent.Phase.DONE || (e.total() > 0 && e.done() >= e.total());
        if (!last && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        out.print("\r" + fit(describe(e, now - startNanos)) + "\u001b[K");
        drawn = true;
        if (e.phase() == ProgressEvent.Phase.DONE) {
            finish();
        }
    }

    /**
     * Describes an event in one line: bytes, rate and ETA for transfers.
     *
     * @param e the event
     * @param elapsedNanos time since the work started
     * @return the line
     */
    static String describe(ProgressEvent e, long elapsedNanos) {
        return switch (e.phase()) {
            case DOWNLOAD -> transfer(e, elapsedNanos);
            case EXTRACT -> "extracting " + e.subject() + " " + e.done() + (e.total() > 0 ? "/" + e.total() : "")
                    + " files";
            case RESOLVE -> "resolving " + e.subject();
            case COMPILE -> "compiling " + e.subject();
            case DONE -> "done " + e.subject();
        };
    }

    /** Ends the progress line so later output starts on a fresh line. */
    public synchronized void finish() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
            drawn = false;
        }
    }

    private static String transfer(ProgressEvent e, long elapsedNanos) {
        double seconds = Math.max(1e-3, elapsedNanos / 1e9);
        double rate = e.done() / seconds;
        StringBuilder sb = new StringBuilder(bytes(e.done()));
        if (e.total() > 0) {
            sb.append(" / ").append(bytes(e.total())).append(String.format(Locale.ROOT, " (%.0f%%)",
                    100.0 * e.fraction()));
        }
        sb.append("  ").append(bytes((long) rate)).append("/s");
        if (e.total() > 0 && rate > 0) {
            long eta = (long) ((e.total() - e.done()) / rate);
            sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return sb.append("  ").append(e.subject()).toString();
    }

    private static String fit(String line) {
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
