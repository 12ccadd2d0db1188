package io.jhub.core.internal.lock;

import io.jhub.api.GitHost;
import io.jhub.api.LockMismatchException;
import io.jhub.api.RepoInfo;
import io.jhub.core.Lockfile;
import io.jhub.core.internal.cache.StampFiles;
import io.jhub.core.internal.cache.TreeStamp;
import java.io.IOException;
import io.jhub.api.CacheException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of locked mode, in one place: which record a call may use (no ref lookup, anything not recorded is
 * refused), and that a tree or weights file in the cache is the one the lockfile records, checked cheaply through
 * its verified stamp and fully only when a file's size or modification time changed.
 */
public final class LockedMode {
    private final Path file;
    private final Lockfile lock;

    /**
     * Reads the lockfile of a locked hub.
     *
     * @param file the lockfile
     * @throws io.jhub.api.InvalidLockfileException if the file is missing or malformed
     */
    public LockedMode(Path file) {
        this.file = file.toAbsolutePath();
        this.lock = Lockfile.read(file);
    }

    /**
     * Returns the record a call must use.
     *
     * @param host the host
     * @param protocol the protocol
     * @param repo the repository and the ref asked for
     * @param commit a commit the call pins (full or abbreviated), which must be the recorded one
     * @return the record
     * @throws LockMismatchException if there is no record, or the pinned commit is another
     */
    public Lockfile.Repo repo(GitHost host, String protocol, RepoInfo repo, Optional<String> commit) {
        String ref = repo.ref().orElse("HEAD");
        String key = host + "/" + repo.path() + " " + ref + " " + protocol;
        Optional<Lockfile.Repo> rec = lock.repo(key);
        if (rec.isEmpty()) {
            String near = lock.repos().stream().filter(r -> r.path().equals(repo.path()))
                    .map(Lockfile.Repo::line).collect(Collectors.joining("; "));
            throw new LockMismatchException("Locked mode: " + file + " has no record for " + key + (near.isEmpty()
                    ? "" : "; it records this repository only as: " + near) + ". Add it with jhub lock "
                    + repo + " --host " + host + " --protocol " + protocol + ", or run without --locked.");
        }
        if (commit.isPresent() && !rec.get().commit().startsWith(commit.get())) {
            throw new LockMismatchException("Locked mode: commit " + commit.get() + " was asked for, but " + file
                    + " records " + rec.get().line() + " (commit " + rec.get().commit() + "). Drop --commit, or"
                    + " lock the new commit with jhub lock.");
        }
        return rec.get();
    }

    /**
     * Checks that a cached tree is the one recorded: cheaply when its stamp is current, else by re-hashing it.
     *
     * @param tree the installed tree
     * @param rec its record
     * @param writable true if the tree is in the hub's own cache (a stamp may be written beside it), false in a
     *     read-only layer
     * @throws LockMismatchException naming the files that differ, if the tree's hash is not the recorded one
     */
    public void checkTree(Path tree, Lockfile.Repo rec, boolean writable) {
        Optional<TreeStamp> stamp = StampFiles.read(tree);
        if (stamp.isPresent() && stamp.get().digest().equals(rec.tree()) && stamp.get().unchanged(tree)) {
            return;
        }
        TreeStamp now;
        try {
            now = TreeStamp.scan(tree);
        } catch (IOException e) {
            throw new CacheException("Cannot read the cached tree " + tree + ": " + e.getMessage(), e);
        }
        if (now.digest().equals(rec.tree())) {
            if (writable) {
                StampFiles.write(tree, now); // first check, or touched but identical: the next hit is cheap
            }
            return;
        }
        throw new LockMismatchException("Locked mode: the cached tree " + tree + " hashes to " + now.digest()
                + ", but " + file + " records " + rec.line() + differences(stamp, rec, now) + ". Remove it with"
                + " jhub cache rm " + rec.path() + " --host " + rec.host() + " and load again, or check the cache"
                + " with jhub verify.");
    }

    /**
     * Returns the record of a weights URL.
     *
     * @param url the URL as the call gives it
     * @return the record
     * @throws LockMismatchException if the URL is not recorded
     */
    public Lockfile.Weights weights(String url) {
        return lock.weights(url).orElseThrow(() -> new LockMismatchException("Locked mode: " + file
                + " has no record for the weights URL " + url + (lock.weights().isEmpty() ? ""
                : "; it records: " + lock.weights().stream().map(Lockfile.Weights::url)
                        .collect(Collectors.joining(", "))) + ". Add it with jhub lock --weights " + url
                + ", or run without --locked."));
    }

    /**
     * Checks that a cached weights file is the one recorded (cheaply through its stamp, else by re-hashing).
     *
     * @param path the cached file
     * @param rec its record
     * @throws LockMismatchException if its size or hash differs
     */
    public void checkWeights(Path path, Lockfile.Weights rec) {
        WeightsStamps.check(path, rec, file);
    }

    /**
     * Returns the lockfile.
     *
     * @return the records this hub is locked to
     */
    public Lockfile lockfile() {
        return lock;
    }

    /**
     * Returns the lockfile's path.
     *
     * @return the absolute path
     */
    public Path file() {
        return file;
    }

    static String differences(Optional<TreeStamp> stamp, Lockfile.Repo rec, TreeStamp now) {
        if (stamp.isEmpty() || !stamp.get().digest().equals(rec.tree())) {
            return "";
        }
        List<String> diff = stamp.get().differences(now);
        return diff.isEmpty() ? "" : "; changed since install: " + String.join("; ", diff);
    }
}
