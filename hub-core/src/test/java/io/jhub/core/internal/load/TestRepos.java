package io.jhub.core.internal.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;
import io.jhub.core.Hub;

/** Writes small hub repositories for tests and records progress events. */
final class TestRepos {
    /** A hub for entry calls to run under; nothing in these tests fetches through it. */
    static final Hub OWNER = Hub.builder().cacheDir(Path.of(System.getProperty("java.io.tmpdir"), "jhub-owner"))
            .environment(Map.of()).serviceLoading(false).build();

    private TestRepos() {
    }

    /** Lists the installed compiled-cache entries (directories that are not staging ones). */
    static List<Path> entries(Path compiledRoot) {
        try (var s = Files.list(compiledRoot)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets every file's modification time an hour back, as for a tree that has not changed for a while. */
    static void age(Path dir) {
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 3_600_000);
        try (var s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listener that keeps every event. */
    static final class Recorder implements ProgressListener {
        final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onProgress(ProgressEvent event) {
            events.add(event);
        }

        long compiles() {
            return events.stream().filter(e -> e.phase() == ProgressEvent.Phase.COMPILE).count();
        }

        List<ProgressEvent> snapshot() {
            return new ArrayList<>(events);
        }
    }
}
