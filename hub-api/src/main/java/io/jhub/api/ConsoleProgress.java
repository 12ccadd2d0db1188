package io.jhub.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Progress on a console, as the {@code jhub} command shows it. On a terminal one line is redrawn in place (bytes,
 * rate, ETA, at most ten times a second, cut to the terminal's width); elsewhere, or with {@code TERM=dumb} or
 * {@code NO_COLOR}, plain lines for steps that take longer than a few seconds and for lock waits. Thread-safe.
 *
 * <pre>{@code
 * Hub hub = Hub.builder().progress(ProgressListener.console()).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class ConsoleProgress implements ProgressListener {
    /** System property the launchers set to {@code true} or {@code false} from {@code [ -t 2 ]}. */
    public static final String TERMINAL_PROPERTY = "jhub.stderr.terminal";
    /** System property the launchers set to the terminal's width from {@code stty size}. */
    public static final String COLUMNS_PROPERTY = "jhub.terminal.columns";

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean draw;
    private final int width;
    private final ProgressText text = new ProgressText();
    private final ProgressLog log = new ProgressLog();
    private long lastDraw = Long.MIN_VALUE;
    private boolean drawn;

    private ConsoleProgress(PrintStream out, boolean draw, int width) {
        this.out = out;
        this.draw = draw;
        this.width = width;
    }

    /**
     * Creates a console listener on standard error, drawing a line when {@link #standardErrorDraws()} and
     * {@link #terminalWidth()} wide.
     *
     * @return the listener
     */
    public static ConsoleProgress standardError() {
        return create(System.err, standardErrorDraws(), terminalWidth());
    }

    /**
     * Creates a console listener on a stream.
     *
     * @param out where lines go
     * @param draw true to redraw one line with {@code \r} (a terminal), false for plain lines
     * @param width the terminal's width in columns; lines are cut to fit
     * @return the listener
     * @throws IllegalArgumentException if {@code width} is below 20
     */
    public static ConsoleProgress create(PrintStream out, boolean draw, int width) {
        if (width < 20) {
            throw new IllegalArgumentException("A progress line needs at least 20 columns, got " + width);
        }
        return new ConsoleProgress(Objects.requireNonNull(out, "out"), draw, width);
    }

    /**
     * Tells whether a line may be redrawn on standard error: it is a terminal (the launchers' {@value
     * #TERMINAL_PROPERTY}, else on Linux where {@code /proc/self/fd/2} leads, else {@link System#console()})
     * and neither {@code TERM=dumb} nor {@code NO_COLOR} is set.
     *
     * @return true to draw a progress line
     */
    public static boolean standardErrorDraws() {
        String term = System.getenv("TERM");
        String noColor = System.getenv("NO_COLOR");
        if ("dumb".equals(term) || (noColor != null && !noColor.isEmpty())) {
            return false;
        }
        String told = System.getProperty(TERMINAL_PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Optional<Boolean> linux = linuxStandardErrorIsTerminal();
        return linux.isPresent() ? linux.get() : System.console() != null;
    }

    /**
     * Returns the terminal's width: {@code COLUMNS}, else the launchers' {@value #COLUMNS_PROPERTY}, else 80.
     *
     * @return columns, at least 20
     */
    public static int terminalWidth() {
        return columns(System.getenv("COLUMNS")).or(() -> columns(System.getProperty(COLUMNS_PROPERTY)))
                .orElse(80);
    }

    @Override
    public void onProgress(ProgressEvent e) {
        long now = System.nanoTime();
        synchronized (this) {
            if (!draw) {
                log.line(e, now).ifPresent(line -> out.println("jhub: " + fit(line)));
                return;
            }
            boolean last = e.phase() == ProgressEvent.Phase.DONE || e.phase() == ProgressEvent.Phase.WAIT
                    || (e.total() > 0 && e.done() >= e.total());
            if (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
                text.observe(e, now);
                return;
            }
            lastDraw = now;
            out.print("\r" + fit(text.describe(e, now)) + "\u001b[K");
            out.flush();
            drawn = true;
            if (e.phase() == ProgressEvent.Phase.DONE) {
                finish();
            }
        }
    }

    /** Clears a drawn line so later output starts on a fresh line; does nothing for plain lines. */
    public synchronized void finish() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
            drawn = false;
        }
    }

    private String fit(String line) {
        int max = width - 1; // the last column would wrap on some terminals
        return line.length() > max ? line.substring(0, max - 3) + "..." : line;
    }

    private static Optional<Integer> columns(String value) {
        try {
            return Optional.ofNullable(value).map(v -> Integer.parseInt(v.strip())).filter(n -> n >= 20);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> linuxStandardErrorIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return Optional.of(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ConsoleProgress[" + (draw ? "line, " + width + " columns" : "plain lines") + "]";
    }
}
