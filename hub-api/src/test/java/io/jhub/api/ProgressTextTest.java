package io.jhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text of progress lines and which events the plain and logging forms report. */
class ProgressTextTest {
    private static final long S = 1_000_000_000L;
    private static final long MIB = 1 << 20;

    @Test
    void rateAndEtaCountFromTheTransfersOwnStartNotFromALockWait() {
        ProgressText text = new ProgressText();
        assertEquals("waiting for another jhub process (lock /c/x.lock)",
                text.describe(new ProgressEvent(ProgressEvent.Phase.WAIT, "/c/x.lock", 0, -1), 0));
        // the lock was held for 60 s; the transfer starts then, resuming a partial of 2 MiB
        text.describe(new ProgressEvent(ProgressEvent.Phase.DOWNLOAD, "u", 2 * MIB, 12 * MIB), 60 * S);
        String line = text.describe(new ProgressEvent(ProgressEvent.Phase.DOWNLOAD, "u", 4 * MIB, 12 * MIB), 62 * S);
        assertEquals("4.0 MiB / 12.0 MiB (33%)  1.0 MiB/s  ETA 0:08  u", line);
    }

    @Test
    void noRateInTheFirstMoments() {
        ProgressText text = new ProgressText();
        assertEquals("0 B / 1.0 KiB (0%)  u",
                text.describe(new ProgressEvent(ProgressEvent.Phase.DOWNLOAD, "u", 0, 1024), 5));
    }

    @Test
    void shortStepsLogNothingLongOnesEveryIntervalAndTheirEnd() {
        ProgressLog log = new ProgressLog();
        List<String> lines = new ArrayList<>();
        feed(log, lines, ProgressEvent.Phase.DOWNLOAD, "short", 0);
        feed(log, lines, ProgressEvent.Phase.DOWNLOAD, "short", S);
        feed(log, lines, ProgressEvent.Phase.DONE, "short", 2 * S);
        assertEquals(List.of(), lines);

        feed(log, lines, ProgressEvent.Phase.DOWNLOAD, "long", 10 * S);
        feed(log, lines, ProgressEvent.Phase.DOWNLOAD, "long", 14 * S);
        feed(log, lines, ProgressEvent.Phase.DOWNLOAD, "long", 15 * S);
        feed(log, lines, ProgressEvent.Phase.DOWNLOAD, "long", 16 * S);
        feed(log, lines, ProgressEvent.Phase.DOWNLOAD, "long", 20 * S);
        feed(log, lines, ProgressEvent.Phase.DONE, "long", 21 * S);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("long") && lines.get(2).equals("done long"), lines.toString());
    }

    @Test
    void aLockWaitIsLoggedAtOnce() {
        ProgressLog log = new ProgressLog();
        assertEquals(Optional.of("waiting for another jhub process (lock /l)"),
                log.line(new ProgressEvent(ProgressEvent.Phase.WAIT, "/l", 0, -1), 0));
    }

    @Test
    void theDrawnLineIsCutToTheWidthAndClearedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress console = ConsoleProgress.create(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                true, 30);
        console.onProgress(new ProgressEvent(ProgressEvent.Phase.RESOLVE, "owner/a-rather-long-repository-name",
                0, -1));
        console.finish();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\rresolving owner/a-rather-l...\u001b[K\r\u001b[K", shown);
    }

    @Test
    void plainConsoleLinesAreWholeLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress console = ConsoleProgress.create(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                false, 80);
        console.onProgress(new ProgressEvent(ProgressEvent.Phase.WAIT, "/l", 0, -1));
        assertEquals("jhub: waiting for another jhub process (lock /l)" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    private static void feed(ProgressLog log, List<String> lines, ProgressEvent.Phase phase, String subject,
            long now) {
        log.line(new ProgressEvent(phase, subject, 0, -1), now).ifPresent(lines::add);
    }
}
