package io.jhub.testkit;

import java.nio.file.Path;

/** Ready-made repositories for HTTPS fetcher tests. */
public final class HttpsFixtures {
    private HttpsFixtures() {
    }

    /**
     * A sample repository and its bare copy, with the ids of its interesting commits.
     *
     * @param work the work tree repository (commit here, then {@link #push()})
     * @param bare the bare copy a server serves
     * @param main the tip of {@code main} (also HEAD)
     * @param feature the tip of {@code feature/x} (a branch name with a slash)
     * @param tagged the commit the annotated tag {@code v1.0} points to
     */
    public record Sample(GitRepo work, Path bare, String main, String feature, String tagged) {
        /**
         * Pushes all branches and tags of the work tree to the bare copy (force).
         */
        public void push() {
            work.git("push", "-q", "--force", bare.toString(), "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*");
        }
    }

    /**
     * Builds the sample: {@code hubconf.java}, a nested package, an executable script, an inside symlink;
     * {@code v1.0} (annotated tag) on the first commit, {@code feature/x} one commit ahead, {@code main} two more (its parent is no ref's tip).
     *
     * @param dir a directory to build in
     * @return the sample
     */
    public static Sample sample(Path dir) {
        GitRepo repo = GitRepo.init(dir.resolve("work"));
        repo.write("hubconf.java", "package demo;\npublic class hubconf { public static String hello() { return \"v1\"; } }\n")
                .write("src/demo/util/Helper.java", "package demo.util;\npublic class Helper {}\n")
                .write("bin/run.sh", "#!/bin/sh\necho run\n").executable("bin/run.sh")
                .write("docs/readme.txt", "hello\n")
                .symlink("docs/link.txt", "readme.txt")
                .symlink("docs/up.txt", "../hubconf.java");
        String tagged = repo.commit("first");
        repo.git("tag", "-a", "v1.0", "-m", "version 1.0");
        repo.git("checkout", "-q", "-b", "feature/x");
        repo.write("feature.txt", "feature\n");
        String feature = repo.commit("feature");
        repo.git("checkout", "-q", "main");
        repo.write("middle.txt", "a commit that no ref points to\n");
        repo.commit("middle");
        repo.write("hubconf.java", "package demo;\npublic class hubconf { public static String hello() { return \"v2\"; } }\n");
        String main = repo.commit("second");
        Path bare = repo.bareClone(dir.resolve("bare/sample.git"));
        return new Sample(repo, bare, main, feature, tagged);
    }
}
