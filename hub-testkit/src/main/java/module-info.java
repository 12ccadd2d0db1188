/**
 * Test support for jhub and for authors of fetcher plugins ({@link io.jhub.api.spi.RepoFetcher}): real git
 * repositories and real servers on loopback, started by the test itself, so a fetcher is tested against the
 * real {@code git} and real protocols rather than mocks. Needs the {@code git} binary; JUnit is not required.
 *
 * <ul>
 *   <li>{@link io.jhub.testkit.GitRepo}: builds a repository with the real {@code git} (files, executables,
 *       links, commits with fixed author data, archives, bare clones).</li>
 *   <li>{@link io.jhub.testkit.GitHttpsServer}: an HTTPS server on {@code 127.0.0.1} with a certificate made
 *       at test time ({@link io.jhub.testkit.TestCertificates}) that serves GitHub-style source archives made
 *       by {@code git archive} and git's smart-HTTP refs (the real {@code git http-backend}), public or behind
 *       a token, with faults to inject ({@link io.jhub.testkit.Fault}).</li>
 *   <li>{@link io.jhub.testkit.GitSshServer}: an SSH server (Apache MINA SSHD) on {@code 127.0.0.1} whose exec
 *       requests run the real {@code git-upload-pack}; its {@code known_hosts} line is given.</li>
 *   <li>{@link io.jhub.testkit.TestFetchContext}: a {@link io.jhub.api.spi.FetchContext} to call a fetcher
 *       directly, without a hub.</li>
 *   <li>{@link io.jhub.testkit.SourceFiles}: writes hub directories from path and text pairs, and jars
 *       compiled from such sources (a hub's {@code lib/} jars).</li>
 * </ul>
 *
 * <pre>{@code
 * GitRepo work = GitRepo.init(dir.resolve("work")).write("hub/x/hubconf.java", source);
 * String commit = work.commit("first");
 * Path bare = work.bareClone(dir.resolve("served/owner/repo.git"));
 * TestCertificates certs = TestCertificates.generate(dir);
 * try (GitHttpsServer server = GitHttpsServer.start(certs, dir)) {
 *     server.addRepo("owner/repo", bare);
 *     // fetch owner/repo from server.hostAndPort() with new TestFetchContext(certs.clientContext())
 * }
 * try (GitSshServer server = GitSshServer.builder(dir.resolve("served")).authorizedKeys(keys).start()) {
 *     // git@127.0.0.1:server.port() serves owner/repo.git; trust server.knownHostsLine()
 * }
 * }</pre>
 *
 * @since 0.1
 */
module io.jhub.testkit {
    requires transitive io.jhub.api;
    requires transitive jdk.httpserver;
    requires java.compiler;
    requires org.apache.sshd.osgi;

    exports io.jhub.testkit;
}
