package io.jhub.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A git repository built with the real {@code git} binary, for tests. Commits use fixed author data so ids are
 * reproducible within a test.
 */
public final class GitRepo {
    private final Path dir;

    private GitRepo(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a non-bare repository with {@code main} as its initial branch.
     *
     * @param dir where to create it (created if missing)
     * @return the repository
     */
    public static GitRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "test@jhub.invalid");
        repo.git("config", "user.name", "jhub test");
        repo.git("config", "commit.gpgsign", "false");
        repo.git("config", "core.autocrlf", "false");
        return repo;
    }

    /**
     * Returns the work tree.
     *
     * @return the directory
     */
    public Path dir() {
        return dir;
    }

    /**
     * Writes a UTF-8 text file, creating parent directories.
     *
     * @param path path relative to the work tree
     * @param content the text
     * @return this repository
     */
    public GitRepo write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file, creating parent directories.
     *
     * @param path path relative to the work tree
     * @param content the bytes
     * @return this repository
     */
    public GitRepo write(String path, byte[] content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks a file executable (mode 755).
     *
     * @param path path relative to the work tree
     * @return this repository
     */
    public GitRepo executable(String path) {
        try {
            Files.setPosixFilePermissions(dir.resolve(path), PosixFilePermissions.fromString("rwxr-xr-x"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a symbolic link.
     *
     * @param path the link, relative to the work tree
     * @param target what it points to, stored as given
     * @return this repository
     */
    public GitRepo symlink(String path, String target) {
        try {
            Path link = dir.resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stages everything and commits.
     *
     * @param message the commit message
     * @return the new commit id
     */
    public String commit(String message) {
        git("add", "-A");
        Processes.Result r = Processes.exec(dir, Map.of("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z",
                "GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z"), java.util.List.of("git", "commit", "-q",
                "--allow-empty", "-m", message));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("git commit failed: " + r.stderr());
        }
        return head();
    }

    /**
     * Returns the commit id of HEAD.
     *
     * @return the full id
     */
    public String head() {
        return git("rev-parse", "HEAD").trim();
    }

    /**
     * Runs a git command in the work tree.
     *
     * @param args arguments after {@code git}
     * @return standard output
     */
    public String git(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Processes.run(dir, cmd);
    }

    /**
     * Writes {@code git archive} of a revision to a file.
     *
     * @param revision a commit, branch or tag
     * @param format {@code zip}, {@code tar} or {@code tar.gz}
     * @param prefix the top-level folder inside the archive, such as {@code repo-main/}
     * @param out the archive file
     * @return {@code out}
     */
    public Path archive(String revision, String format, String prefix, Path out) {
        git("archive", "--format=" + format, "--prefix=" + prefix, "-o", out.toString(), revision);
        return out;
    }

    /**
     * Makes a bare clone, as a server would hold it.
     *
     * @param bareDir where to put the bare repository
     * @return the bare repository's directory
     */
    public Path bareClone(Path bareDir) {
        Processes.run(dir, "git", "clone", "-q", "--bare", dir.toString(), bareDir.toString());
        return bareDir;
    }
}
