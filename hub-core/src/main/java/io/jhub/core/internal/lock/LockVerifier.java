package io.jhub.core.internal.lock;

import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.core.Lockfile;
import io.jhub.core.internal.cache.RepoCache;
import io.jhub.core.internal.cache.StampFiles;
import io.jhub.core.internal.cache.TreeStamp;
import io.jhub.http.internal.download.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code jhub verify}: re-hashes every tree and weights file a lockfile records, ignoring stamps, and names every
 * file that differs from what was installed.
 */
public final class LockVerifier {
    private final RepoCache repos;
    private final Function<String, Path> weightsPath;

    /**
     * Creates a verifier.
     *
     * @param repos the tree cache
     * @param weightsPath where the cached file of a weights URL is
     */
    public LockVerifier(RepoCache repos, Function<String, Path> weightsPath) {
        this.repos = repos;
        this.weightsPath = weightsPath;
    }

    /**
     * Verifies the cache against a lockfile.
     *
     * @param lock the records
     * @return one line per problem (a file that differs, a record whose tree or file is missing); empty if all match
     */
    public List<String> verify(Lockfile lock) {
        List<String> problems = new ArrayList<>();
        for (Lockfile.Repo r : lock.repos()) {
            Optional<Path> tree = repos.installed(GitHost.parse(r.host()), RepoInfo.parse(r.path()), r.commit());
            if (tree.isEmpty()) {
                problems.add(r.line() + ": not in the cache (fetch it with jhub fetch --locked " + r.path()
                        + ")");
                continue;
            }
            try {
                TreeStamp now = TreeStamp.scan(tree.get());
                if (!now.digest().equals(r.tree())) {
                    Optional<TreeStamp> stamp = StampFiles.read(tree.get());
                    if (stamp.isPresent() && stamp.get().digest().equals(r.tree())) {
                        stamp.get().differences(now).forEach(d -> problems.add(tree.get().resolve(d)
                                .toString()));
                    } else {
                        problems.add(tree.get() + ": tree hashes to " + now.digest() + ", the lockfile records "
                                + r.tree());
                    }
                }
            } catch (IOException e) {
                problems.add(tree.get() + ": cannot be read: " + e.getMessage());
            }
        }
        for (Lockfile.Weights w : lock.weights()) {
            Path p = weightsPath.apply(w.url());
            if (!Files.isRegularFile(p)) {
                problems.add(w.line() + ": not in the cache at " + p);
                continue;
            }
            try {
                String actual = Hashing.sha256Hex(p);
                long size = Files.size(p);
                if (!actual.equals(w.sha256()) || size != w.size()) {
                    problems.add(p + ": " + size + " bytes, sha256 " + actual + "; the lockfile records " + w.line());
                }
            } catch (IOException e) {
                problems.add(p + ": cannot be read: " + e.getMessage());
            }
        }
        return problems;
    }
}
