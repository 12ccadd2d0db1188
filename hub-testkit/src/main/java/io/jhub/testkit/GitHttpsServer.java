package io.jhub.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTPS git host for tests: serves archives made by the real {@code git archive} in GitHub, GitHub
 * API, GitLab and GitLab API URL forms, and git's smart-HTTP protocol by running the real {@code git http-backend}
 * as a CGI program. Repositories may be private (a token required). Faults can be injected, and every request is
 * logged with its headers so tests can check where a token went.
 *
 * <p>Usable from any module's tests: {@code GitHttpsServer.start(TestCertificates.generate(dir), dir)}, then
 * {@link #addRepo}, and point a hub at {@link #hostAndPort()} with the client context of the certificates.
 */
public final class GitHttpsServer implements AutoCloseable {
    private static final Pattern API_GITHUB = Pattern.compile("/api/v3/repos/(.+)/(tarball|zipball)(?:/(.+))?");
    private static final Pattern API_GITLAB = Pattern.compile("/api/v4/projects/([^/]+)/repository/archive\\.(tar\\.gz|zip)");

    private final HttpsServer server;
    private final ExecutorService executor;
    private final Path archiveDir;
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Map<String, Path> rawArchives = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean smartHttp = true;
    private volatile boolean protocolV2 = true;
    private volatile ArchiveRanges archiveRanges = ArchiveRanges.NONE;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    /**
     * A logged request.
     *
     * @param method the HTTP method
     * @param pathAndQuery the raw path and query
     * @param headers the request headers, names in lower case
     */
    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers) {
        /**
         * Returns a header's first value.
         *
         * @param name the header name, any case
         * @return the value, if sent
         */
        public Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    private record Repo(String path, Path bare, Optional<String> token) {
    }

    private GitHttpsServer(HttpsServer server, ExecutorService executor, Path archiveDir) {
        this.server = server;
        this.executor = executor;
        this.archiveDir = archiveDir;
    }

    /**
     * Starts a server on {@code 127.0.0.1} and a free port.
     *
     * @param certs the certificate to present
     * @param workDir a directory for generated archives
     * @return the running server
     * @throws IOException if the server cannot start
     */
    public static GitHttpsServer start(TestCertificates certs, Path workDir) throws IOException {
        Path archives = Files.createDirectories(workDir.resolve("archives-" + System.nanoTime()));
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        s.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext()));
        ExecutorService ex = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "git-https-server");
            t.setDaemon(true);
            return t;
        });
        GitHttpsServer g = new GitHttpsServer(s, ex, archives);
        s.createContext("/", g::handle);
        s.setExecutor(ex);
        s.start();
        return g;
    }

    /**
     * Returns the port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Returns the host as jhub takes it.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    /**
     * Returns the base URI.
     *
     * @return {@code https://127.0.0.1:<port>}
     */
    public URI baseUri() {
        return URI.create("https://" + hostAndPort());
    }

    /**
     * Serves a bare repository publicly as {@code path} (e.g. {@code owner/name}).
     *
     * @param path the repository path, owner and name
     * @param bare the bare repository
     * @return this server
     */
    public GitHttpsServer addRepo(String path, Path bare) {
        repos.put(path, new Repo(path, bare, Optional.empty()));
        return this;
    }

    /**
     * Serves a bare repository that needs a token: {@code Authorization: Bearer <token>} or
     * {@code PRIVATE-TOKEN} for archives, Basic auth with the token as password for git. Without it, archive URLs
     * answer 404 (as GitHub does) and git URLs 401.
     *
     * @param path the repository path
     * @param bare the bare repository
     * @param token the token
     * @return this server
     */
    public GitHttpsServer addPrivateRepo(String path, Path bare, String token) {
        repos.put(path, new Repo(path, bare, Optional.of(token)));
        return this;
    }

    /**
     * Serves a file as it is for every archive URL of {@code path} in the GitHub form
     * ({@code /<path>/archive/<rev>.<format>}), whatever the revision and format: for crafted, hostile or broken
     * archives that {@code git archive} would never make. Such a repository has no smart-HTTP endpoints (404).
     *
     * @param path the repository path, owner and name
     * @param archive the bytes to send
     * @return this server
     */
    public GitHttpsServer addRawArchive(String path, Path archive) {
        rawArchives.put(path, archive);
        return this;
    }

    /**
     * Turns the smart-HTTP endpoints on or off (off: they answer 404, as on a host with archives only).
     *
     * @param enabled whether git URLs work
     */
    public void smartHttp(boolean enabled) {
        this.smartHttp = enabled;
    }

    /**
     * Lets the {@code Git-Protocol} header through to git (v2, the default) or drops it (git answers in v0).
     *
     * @param enabled whether clients may ask for protocol v2
     */
    public void protocolV2(boolean enabled) {
        this.protocolV2 = enabled;
    }

    /**
     * Sets how archives answer range requests (default {@link ArchiveRanges#NONE}). Faults apply to range answers
     * too, counting their bytes from the range's first byte.
     *
     * @param mode the behaviour
     */
    public void archiveRanges(ArchiveRanges mode) {
        this.archiveRanges = java.util.Objects.requireNonNull(mode, "mode");
    }

    /**
     * Adds a fault for the next matching requests.
     *
     * @param fault the fault
     */
    public void inject(Fault fault) {
        faults.add(fault);
    }

    /**
     * Returns the requests received so far.
     *
     * @return a snapshot
     */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * Counts the requests whose path and query contain a text.
     *
     * @param pathPart the text
     * @return the count
     */
    public long count(String pathPart) {
        return requests().stream().filter(r -> r.pathAndQuery().contains(pathPart)).count();
    }

    /** Forgets the logged requests. */
    public void clearRequests() {
        requests.clear();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String pq = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            Map<String, List<String>> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Request req = new Request(ex.getRequestMethod(), pq, headers);
            requests.add(req);
            byte[] body = ex.getRequestBody().readAllBytes();
            Optional<Fault> fault = takeFault(pq);
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.STATUS) {
                fault.get().headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                text(ex, fault.get().status(), "injected status " + fault.get().status() + "\n");
                return;
            }
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.REDIRECT) {
                ex.getResponseHeaders().add("Location", fault.get().redirectBase().get() + pq);
                ex.sendResponseHeaders(302, -1);
                return;
            }
            route(ex, req, pq, body, fault);
        } catch (DroppedOnPurpose e) {
            throw e; // an exception out of the handler makes the JDK server close the connection
        } catch (RuntimeException e) {
            text(ex, 500, "server error: " + e + "\n");
        }
    }

    private Optional<Fault> takeFault(String pq) {
        synchronized (faults) {
            for (int i = 0; i < faults.size(); i++) {
                Fault f = faults.get(i);
                if (pq.contains(f.pathPart())) {
                    if (f.times() <= 1) {
                        faults.remove(i);
                    } else {
                        faults.set(i, new Fault(f.pathPart(), f.kind(), f.status(), f.bytes(), f.redirectBase(),
                                f.headers(), f.times() - 1));
                    }
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private void route(HttpExchange ex, Request req, String pq, byte[] body, Optional<Fault> fault)
            throws IOException {
        String path = ex.getRequestURI().getRawPath();
        for (Map.Entry<String, Path> raw : rawArchives.entrySet()) {
            if (path.startsWith("/" + raw.getKey() + "/archive/")) {
                sendFile(ex, raw.getValue(), "application/octet-stream", fault);
                return;
            }
        }
        Matcher gh = API_GITHUB.matcher(path);
        if (gh.matches()) {
            Optional<Repo> repo = Optional.ofNullable(repos.get(gh.group(1)));
            if (repo.isPresent() && !tokenOk(repo.get(), req)) {
                if (req.header("authorization").isPresent()) {
                    text(ex, 401, "{\"message\":\"Bad credentials\"}");
                } else {
                    text(ex, 404, "{\"message\":\"Not Found\"}");
                }
                return;
            }
            archive(ex, repo, Optional.ofNullable(gh.group(3)).orElse("HEAD"),
                    gh.group(2).equals("zipball") ? "zip" : "tar.gz", fault);
            return;
        }
        Matcher gl = API_GITLAB.matcher(path);
        if (gl.matches()) {
            Optional<Repo> repo = Optional.ofNullable(repos.get(URLDecoder.decode(gl.group(1), StandardCharsets.UTF_8)));
            if (repo.isPresent() && !tokenOk(repo.get(), req)) {
                text(ex, req.header("private-token").isPresent() ? 401 : 404, "{\"message\":\"404 Not Found\"}");
                return;
            }
            String q = ex.getRequestURI().getQuery();
            String sha = q != null && q.startsWith("sha=") ? q.substring(4) : "HEAD";
            archive(ex, repo, sha, gl.group(2), fault);
            return;
        }
        for (Repo repo : repos.values()) {
            String prefix = "/" + repo.path();
            if (path.startsWith(prefix + ".git/")) {
                if (!smartHttp) {
                    text(ex, 404, "not found\n");
                } else if (!tokenOk(repo, req)) {
                    ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                    text(ex, 401, "authentication required\n");
                } else {
                    cgi(ex, req, repo, path.substring(prefix.length() + 4), body, protocolV2);
                }
                return;
            }
            String rest = path.startsWith(prefix + "/") ? path.substring(prefix.length()) : null;
            if (rest == null) {
                continue;
            }
            if (!tokenOk(repo, req)) {
                text(ex, 404, "not found\n");
                return;
            }
            Matcher web = Pattern.compile("/archive/(.+)\\.(tar\\.gz|zip)").matcher(rest);
            Matcher lab = Pattern.compile("/-/archive/(.+)/[^/]+\\.(tar\\.gz|zip)").matcher(rest);
            if (web.matches()) {
                archive(ex, Optional.of(repo), decode(web.group(1)), web.group(2), fault);
                return;
            }
            if (lab.matches()) {
                archive(ex, Optional.of(repo), decode(lab.group(1)), lab.group(2), fault);
                return;
            }
        }
        text(ex, 404, "not found\n");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean tokenOk(Repo repo, Request req) {
        if (repo.token().isEmpty()) {
            return true;
        }
        String t = repo.token().get();
        Optional<String> auth = req.header("authorization");
        if (auth.isPresent() && auth.get().equals("Bearer " + t)) {
            return true;
        }
        if (auth.isPresent() && auth.get().startsWith("Basic ")) {
            String userPass = new String(Base64.getDecoder().decode(auth.get().substring(6)), StandardCharsets.UTF_8);
            return userPass.endsWith(":" + t);
        }
        return req.header("private-token").map(t::equals).orElse(false);
    }

    /** Serves {@code git archive} of a revision, generated once per commit and format. */
    private void archive(HttpExchange ex, Optional<Repo> repo, String rev, String format, Optional<Fault> fault)
            throws IOException {
        if (repo.isEmpty()) {
            text(ex, 404, "not found\n");
            return;
        }
        if (rev.startsWith("refs/heads/") || rev.startsWith("refs/tags/")) {
            rev = rev.substring(rev.indexOf('/', 5) + 1);
        }
        Path bare = repo.get().bare();
        Processes.Result r = Processes.exec(bare, Map.of(), List.of("git", "rev-parse", "--verify", "--quiet",
                rev + "^{commit}"));
        if (r.exitCode() != 0 || rev.startsWith("-")) {
            text(ex, 404, "no such ref\n");
            return;
        }
        String commit = r.stdout().trim();
        String name = repo.get().path().substring(repo.get().path().lastIndexOf('/') + 1);
        Path file = archiveDir.resolve(repo.get().path().replace('/', '_') + "-" + commit + "." + format);
        synchronized (this) {
            if (!Files.exists(file)) {
                Path tmp = archiveDir.resolve(file.getFileName() + ".tmp");
                Processes.run(bare, "git", "archive", "--format=" + format,
                        "--prefix=" + name + "-" + rev.replace('/', '-') + "/", "-o", tmp.toString(), commit);
                Files.move(tmp, file);
            }
        }
        String type = format.equals("zip") ? "application/zip" : "application/x-gzip";
        if (archiveRanges == ArchiveRanges.NONE) {
            sendFile(ex, file, type, fault);
        } else {
            sendRanged(ex, file, type, fault);
        }
    }

    /** Serves an archive with an ETag, answering a range request as {@link #archiveRanges} says. */
    private void sendRanged(HttpExchange ex, Path file, String type, Optional<Fault> fault) throws IOException {
        long size = Files.size(file);
        String etag = "\"" + file.getFileName() + "-" + size + "\"";
        Optional<String> range = Optional.ofNullable(ex.getRequestHeaders().getFirst("Range"));
        Optional<String> ifRange = Optional.ofNullable(ex.getRequestHeaders().getFirst("If-Range"));
        Matcher m = Pattern.compile("bytes=(\\d+)-").matcher(range.orElse(""));
        boolean partial = m.matches() && Long.parseLong(m.group(1)) < size && switch (archiveRanges) {
            case HONOUR -> ifRange.map(etag::equals).orElse(true);
            case CHANGED_ETAG -> true;
            default -> false;
        };
        long first = partial ? Long.parseLong(m.group(1)) : 0;
        ex.getResponseHeaders().add("ETag", archiveRanges == ArchiveRanges.CHANGED_ETAG && partial
                ? "\"" + file.getFileName() + "-changed\"" : etag);
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (partial) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + (size - 1) + "/" + size);
        }
        sendBytes(ex, file, first, size - first, partial ? 206 : 200, type, fault);
    }

    /**
     * Serves a file as a 200 answer, applying a drop or truncate fault.
     *
     * @param ex the exchange
     * @param file the file
     * @param type its content type
     * @param fault a fault to apply, if any
     * @throws IOException on a send failure
     */
    private void sendFile(HttpExchange ex, Path file, String type, Optional<Fault> fault) throws IOException {
        sendBytes(ex, file, 0, Files.size(file), 200, type, fault);
    }

    private void sendBytes(HttpExchange ex, Path file, long first, long size, int status, String type,
            Optional<Fault> fault) throws IOException {
        long send = fault.map(f -> Math.min(size, f.bytes())).orElse(size);
        boolean truncate = fault.isPresent() && fault.get().kind() == Fault.Kind.TRUNCATE;
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, truncate ? send : size);
        OutputStream out = ex.getResponseBody();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(first);
            byte[] buf = new byte[64 * 1024];
            long left = send;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                out.write(buf, 0, n);
                left -= n;
            }
        }
        out.flush();
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.STALL_AFTER) {
            try {
                closed.await(); // a stalled host: the client's read timeout must end this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new DroppedOnPurpose();
        }
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.DROP_AFTER) {
            throw new DroppedOnPurpose();
        }
    }

    /** Runs {@code git http-backend} for a smart-HTTP request. */
    private static void cgi(HttpExchange ex, Request req, Repo repo, String pathInfoRest, byte[] body, boolean v2)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = pb.environment();
        env.put("GIT_PROJECT_ROOT", repo.bare().getParent().toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", "/" + repo.bare().getFileName() + pathInfoRest);
        env.put("QUERY_STRING", Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse(""));
        env.put("REQUEST_METHOD", ex.getRequestMethod());
        env.put("CONTENT_TYPE", req.header("content-type").orElse(""));
        env.put("CONTENT_LENGTH", Integer.toString(body.length));
        env.put("REMOTE_ADDR", "127.0.0.1");
        if (v2) {
            req.header("git-protocol").ifPresent(v -> env.put("GIT_PROTOCOL", v));
        }
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(body);
        }
        InputStream out = p.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int prev = -1;
        int c;
        while ((c = out.read()) >= 0) {
            if (c == '\n' && (prev == '\n' || head.size() == 0)) {
                break;
            }
            if (c != '\r') {
                head.write(c);
                prev = c;
            }
        }
        int status = 200;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                ex.getResponseHeaders().add(name, value);
            }
        }
        ex.sendResponseHeaders(status, 0);
        try (OutputStream resp = ex.getResponseBody()) {
            out.transferTo(resp);
        }
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown out of the handler so that the server closes the connection mid-body. */
    private static final class DroppedOnPurpose extends IOException {
        private static final long serialVersionUID = 1L;

        DroppedOnPurpose() {
            super("connection dropped on purpose");
        }
    }

    private static void text(HttpExchange ex, int status, String text) {
        try {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
