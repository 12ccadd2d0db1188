package io.jhub.git.attributes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A repository made with the real git binary, isolated from the machine's git configuration. */
final class GitRepo {
    final Path dir;
    /** Extra environment for the following git commands (such as GIT_TEST_DATE_NOW, which git reads as "now"). */
    final Map<String, String> extraEnv = new java.util.HashMap<>();

    GitRepo(Path dir) {
        this.dir = dir;
        git("init", "-q", "-b", "main", ".");
    }

    GitRepo write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    GitRepo write(String path, byte[] content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    GitRepo symlink(String path, String target) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Commits everything as written (no conversion on add) and returns the commit id. */
    String commit(String message) {
        git("add", "-A");
        gitBytes(message.getBytes(StandardCharsets.UTF_8), "-c", "core.autocrlf=false", "-c", "core.safecrlf=false",
                "commit", "-q", "--allow-empty", "-F", "-");
        return git("rev-parse", "HEAD").trim();
    }

    String git(String... args) {
        return new String(gitBytes(null, args), StandardCharsets.UTF_8);
    }

    byte[] gitBytes(byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("HOME", dir.toString());
        env.put("GIT_AUTHOR_NAME", "A U Thor");
        env.put("GIT_AUTHOR_EMAIL", "author@example.org");
        env.put("GIT_COMMITTER_NAME", "C O Mitter");
        env.put("GIT_COMMITTER_EMAIL", "committer@example.org");
        env.put("GIT_AUTHOR_DATE", "1112911993 -0700");
        env.put("GIT_COMMITTER_DATE", "1112912053 +0530");
        env.put("TZ", "UTC");
        env.putAll(extraEnv);
        try {
            Process p = pb.start();
            Thread feeder = new Thread(() -> {
                try (var in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin);
                    }
                } catch (IOException ignored) {
                    // the process ended early; its exit status tells
                }
            });
            feeder.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errPump = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            errPump.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("git timed out: " + cmd);
            }
            feeder.join();
            errPump.join();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("git failed (" + p.exitValue() + "): " + cmd + "\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
