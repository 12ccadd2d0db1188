package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code jhub} command's progress on a real pseudo-terminal ({@code script}): a line redrawn with {@code \r}
 * when standard error is a terminal (also when standard output is redirected), cut to {@code COLUMNS}; plain
 * log lines when standard error is not a terminal (even though standard input and output are); and a "waiting
 * for another jhub process" line while another process holds the download's lock, in both forms.
 */
class TerminalProgressTest {
    private static final int SIZE = 8 << 20;

    @TempDir
    Path work;

    private Path source;
    private Path cache;

    @BeforeEach
    void makeFile() throws IOException {
        assumeTrue(PtyRun.available(), "util-linux script is needed for a pseudo-terminal");
        source = work.resolve("big.bin");
        byte[] data = new byte[SIZE];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Files.write(source, data);
        cache = work.resolve("cache");
    }

    @Test
    void drawsOneLineOnTheTerminalEvenWithStdoutRedirected() throws Exception {
        Path out = work.resolve("stdout.txt");
        try (PtyRun run = PtyRun.start(work, Map.of("COLUMNS", "40"), download() + " >" + PtyRun.quote(out.toString()))) {
            String shown = run.finish();
            assertTrue(shown.contains("\r8.0 MiB / 8.0 MiB (100%)"), shown);
            assertTrue(shown.contains("\u001b[K"), shown);
            for (String drawn : drawnLines(shown)) {
                assertTrue(drawn.length() <= 39, "wider than COLUMNS=40 allows: \"" + drawn + "\"");
            }
        }
        assertTrue(Files.readString(out).strip().endsWith("big.bin"), Files.readString(out));
    }

    @Test
    void plainLinesWhenStderrIsNotATerminal() throws Exception {
        // standard input and output stay on the terminal; standard error goes through a pipe
        try (FileChannel held = holdLock();
             PtyRun run = PtyRun.start(work, Map.of(), "{ " + download() + " 2>&1 >&3 | cat; } 3>&1")) {
            run.await("jhub: INFO: waiting for another jhub process (lock " + lockFile() + ")");
            held.close(); // releases the lock: the waiting download goes on
            String shown = run.finish();
            assertFalse(shown.contains("\u001b"), shown);
            assertFalse(shown.replace("\r\n", "\n").contains("\r"), shown);
            assertTrue(shown.strip().endsWith("big.bin"), shown);
        }
    }

    @Test
    void showsTheLockWaitOnTheTerminalThenTheTransfer() throws Exception {
        String waiting = "\rwaiting for another jhub process (lock " + lockFile() + ")";
        try (FileChannel held = holdLock();
             PtyRun run = PtyRun.start(work, Map.of("COLUMNS", "400"), download())) {
            run.await(waiting);
            held.close(); // releases the lock: the waiting download goes on
            String shown = run.finish();
            int wait = shown.indexOf(waiting);
            int full = shown.indexOf("\r8.0 MiB / 8.0 MiB (100%)");
            assertTrue(wait >= 0 && full > wait, shown);
            List<String> lines = shown.lines().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.get(lines.size() - 1).endsWith("big.bin"), shown);
        }
    }

    /** The texts drawn between a carriage return and the erase-line code. */
    private static List<String> drawnLines(String shown) {
        Matcher m = Pattern.compile("\r([^\r\u001b]*)\u001b\\[K").matcher(shown);
        List<String> lines = new java.util.ArrayList<>();
        while (m.find()) {
            lines.add(m.group(1));
        }
        assertFalse(lines.isEmpty(), "no line was drawn: " + shown);
        return lines;
    }

    private String download() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(" ", PtyRun.quote(java), "-cp", PtyRun.quote(cp), "io.jhub.cli.Main", "download",
                PtyRun.quote(source.toUri().toString()), "--file-name", "big.bin", "--cache-dir",
                PtyRun.quote(cache.toString()));
    }

    /** The lock file jhub takes for this download: {@code weights/.jhub/<sha256(url)[:6]>_<name>.lock}. */
    private Path lockFile() throws NoSuchAlgorithmException {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(source.toUri().toString()
                .getBytes(StandardCharsets.UTF_8));
        return cache.resolve("weights").resolve(".jhub").resolve(HexFormat.of().formatHex(h).substring(0, 6)
                + "_big.bin.lock").toAbsolutePath().normalize();
    }

    /** Holds the download's lock from this process, as another jhub process would; closing releases it. */
    private FileChannel holdLock() throws IOException, NoSuchAlgorithmException {
        Path lock = lockFile();
        Files.createDirectories(lock.getParent());
        FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock();
        assertTrue(held.isValid());
        return channel;
    }
}
