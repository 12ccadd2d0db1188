package io.jhub.http;

import io.jhub.api.DownloadException;
import io.jhub.api.HubDefaults;
import io.jhub.api.ProgressListener;
import io.jhub.api.spi.FetchContext;
import io.jhub.http.internal.Backoff;
import io.jhub.http.internal.Bounds;
import io.jhub.http.internal.ContentLength;
import io.jhub.http.internal.EnvProxySelector;
import io.jhub.http.internal.LimitExceeded;
import io.jhub.http.internal.Mirrors;
import io.jhub.http.internal.ProgressStream;
import io.jhub.http.internal.ProxyException;
import io.jhub.http.internal.Redaction;
import io.jhub.http.internal.TransportRequest;
import io.jhub.http.internal.TransportResponse;
import io.jhub.http.internal.Transports;
import io.jhub.http.internal.UserAgent;
import io.jhub.http.internal.WholeSetting;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one HTTP engine of jhub, shared by the HTTPS fetcher and file downloads. It follows redirects itself so a
 * {@link Credential} never leaves its authority, retries connection failures and 429/500/502/503/504 answers with
 * exponential back-off and jitter (honouring {@code Retry-After}), enforces connect and read timeouts (also while
 * a body streams) and the {@link HttpLimits} (a minimum body rate, a deadline for the headers, an overall deadline
 * across retries; each failure names the bound and its setting), refuses a reply with conflicting
 * {@code Content-Length} values, reads proxies from the environment (with the user name and password of a proxy
 * URL such as {@code http://user:password@proxy:3128}), sends a {@code User-Agent}, and refuses plain
 * {@code http:} unless allowed. Secret-looking plain headers ({@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie}, {@code PRIVATE-TOKEN}, {@code JOB-TOKEN}) are treated like a credential of the call's first
 * authority: dropped for good once a redirect leaves it. Requests travel over jhub's own blocking HTTP/1.1
 * connections (straight, through an HTTP proxy with {@code CONNECT} for https, or through SOCKS), kept alive and
 * reused per destination, so one engine answers a ref lookup's two requests over one connection; or, only when the
 * application {@linkplain Builder#httpClient(HttpClient) hands in} its own {@link HttpClient}, over that client.
 * The policy above is the same either way. Thread-safe; share one engine rather than building one per request.
 *
 * @since 0.1
 */
public final class HttpEngine {
    private static final System.Logger LOG = System.getLogger(HttpEngine.class.getName());
    private static final List<String> PROXY_VARIABLES = List.of("https_proxy", "HTTPS_PROXY",
            "http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
    /** Headers that carry secrets even when passed as plain headers: kept to the call's first authority. */
    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie",
            "private-token", "job-token");

    private final Transports transports;
    private final Duration readTimeout;
    private final int retries;
    private final int maxRedirects;
    private final String userAgent;
    private final boolean allowPlainHttp;
    private final ProgressListener progress;
    private final Backoff backoff;
    private final HttpLimits limits;
    private final Mirrors mirrors;

    private HttpEngine(Builder b) {
        ProxySelector proxies = b.proxySelector != null ? b.proxySelector
                : new EnvProxySelector(b.environment, ProxySelector.getDefault());
        this.transports = new Transports(proxies, Optional.ofNullable(b.sslContext), b.connectTimeout,
                b.readTimeout, Optional.ofNullable(b.httpClient));
        this.readTimeout = b.readTimeout;
        this.retries = b.retries;
        this.maxRedirects = b.maxRedirects;
        this.userAgent = b.userAgent;
        this.allowPlainHttp = b.allowPlainHttp;
        this.progress = b.progress;
        this.backoff = new Backoff(b.backoffBase, b.backoffMax);
        this.limits = b.limits;
        this.mirrors = b.mirrors;
    }

    private HttpEngine(HttpEngine base, HttpLimits limits, ProgressListener progress, boolean allowPlainHttp) {
        this.transports = base.transports;
        this.readTimeout = base.readTimeout;
        this.retries = base.retries;
        this.maxRedirects = base.maxRedirects;
        this.userAgent = base.userAgent;
        this.allowPlainHttp = allowPlainHttp;
        this.progress = progress;
        this.backoff = base.backoff;
        this.limits = limits;
        this.mirrors = base.mirrors;
    }

    /**
     * Returns an engine like this one (sharing its connections' settings) with other limits.
     *
     * @param other the rate, headers and overall bounds
     * @return the engine
     */
    public HttpEngine withLimits(HttpLimits other) {
        return new HttpEngine(this, Objects.requireNonNull(other, "limits"), progress, allowPlainHttp);
    }

    /**
     * Returns an engine like this one (sharing its connections) that reports body bytes to another listener.
     *
     * @param listener where {@code DOWNLOAD} progress goes
     * @return the engine
     */
    public HttpEngine withProgress(ProgressListener listener) {
        return new HttpEngine(this, limits, Objects.requireNonNull(listener, "listener"), allowPlainHttp);
    }

    /**
     * Returns an engine like this one (sharing its connections) that allows plain {@code http:} URLs or not.
     *
     * @param allow true to allow plain http (a redirect from https to http stays refused)
     * @return the engine
     */
    public HttpEngine withPlainHttp(boolean allow) {
        return allow == allowPlainHttp ? this : new HttpEngine(this, limits, progress, allow);
    }

    /**
     * Returns how many connections wait idle for reuse (always 0 over a handed-in {@link HttpClient}).
     *
     * @return the count
     */
    public int idleConnections() {
        return transports.idleConnections();
    }

    /**
     * Returns the rate, headers and overall bounds every request of this engine keeps to.
     *
     * @return the limits
     */
    public HttpLimits limits() {
        return limits;
    }

    /**
     * Returns a builder with the defaults: timeouts from {@link HubDefaults}, {@link HubDefaults#HTTP_RETRIES}
     * retries, 10 redirects, the process environment for proxies, the JVM's TLS context, no plain http.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the engine a fetcher should use: the hub's own, shared with its downloads and other fetches (so its
     * connections are reused and its {@code http.retries}, back-off and limit settings apply), reporting to the
     * context's progress listener. A context that offers no engine (a third-party one, a test's) gets a new engine
     * configured from it ({@link Builder#context(FetchContext)}) that reports to its progress listener.
     *
     * @param ctx the fetch context
     * @return the engine
     * @throws IllegalArgumentException if a limit setting is malformed
     */
    public static HttpEngine fromContext(FetchContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        Optional<HttpEngine> shared = ctx.service(HttpEngine.class);
        if (shared.isPresent()) {
            return shared.get().withProgress(ctx.progress());
        }
        return builder().context(ctx).progress(ctx.progress()).build();
    }

    /**
     * Sends a call, following redirects and retrying as described on the class, and hands the first other reply
     * to {@code handler}. The body is closed when the handler returns. The engine's {@link #limits()} apply, the
     * overall deadline counted from now.
     *
     * @param call the request
     * @param handler what to do with the reply (2xx, 304, 4xx other than 429, ...)
     * @param <T> the handler's result type
     * @return what the handler returned
     * @throws DownloadException if plain http is not allowed, a redirect is refused or too many, the retries are
     *         used up, the TLS handshake fails, a limit is hit (the message names it and its setting), or the
     *         handler throws an {@link IOException}
     */
    public <T> T send(HttpCall call, ResponseHandler<T> handler) {
        return send(call, handler, Deadline.start(limits));
    }

    /**
     * Sends a call like {@link #send(HttpCall, ResponseHandler)}, but within a deadline started earlier, so that
     * several calls (the resumes of one download) share one overall bound.
     *
     * @param call the request
     * @param handler what to do with the reply
     * @param deadline when the call, its retries and the reading of its body must be over
     * @param <T> the handler's result type
     * @return what the handler returned
     * @throws DownloadException as {@link #send(HttpCall, ResponseHandler)}, also when the deadline has passed
     */
    public <T> T send(HttpCall call, ResponseHandler<T> handler, Deadline deadline) {
        Objects.requireNonNull(handler, "handler");
        Exchanged x = exchange(call, deadline);
        return handle(x.response(), x.uri(), x.credentialSent(), handler);
    }

    /**
     * Sends a call like {@link #send(HttpCall, ResponseHandler, Deadline)} but hands the reply back open, for a
     * body that outlives one handler ({@link ResumableBody}); the caller must close it.
     */
    Opened open(HttpCall call, Deadline deadline) {
        Exchanged x = exchange(call, deadline);
        OptionalLong length;
        try {
            length = ContentLength.of(x.response().headers("Content-Length"));
        } catch (IOException e) {
            x.response().close();
            throw new DownloadException(Redaction.withoutUserInfo(x.uri()), x.response().status(), "Reading "
                    + Redaction.forDisplay(x.uri()) + " failed: " + e.getMessage() + ".", e);
        }
        InputStream in = progress == ProgressListener.NONE ? x.response().body()
                : new ProgressStream(x.response().body(), progress, Redaction.forDisplay(x.uri()), length.orElse(-1));
        return new Opened(new Reply(x.response().status(), x.uri(), x.response(), length, x.credentialSent(), in));
    }

    /** Every request passes here: the mirror rewrite, redirects, retries, credentials and headers. */
    private Exchanged exchange(HttpCall call, Deadline deadline) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(deadline, "deadline");
        Bounds bounds = new Bounds(limits.lowSpeedLimit(), limits.lowSpeedTime().toMillis(),
                limits.headersTimeout().toMillis(), deadline.endNanos(), deadline.describe());
        // the one place a mirror rewrites a URL: at request time, so callers keep and record the original
        Optional<Mirrors.Route> route = mirrors.route(call.uri());
        URI uri = route.map(Mirrors.Route::uri).orElse(call.uri());
        route.ifPresent(r -> LOG.log(System.Logger.Level.DEBUG, () -> "mirror " + r.mirrorId() + ": "
                + Redaction.forDisplay(call.uri()) + " -> " + Redaction.forDisplay(r.uri())));
        checkScheme(uri, null);
        String method = call.method();
        Optional<byte[]> body = call.bodyBytes();
        boolean credentialAlive = call.credential().isPresent();
        Optional<Credential> mirrorCredential = route.flatMap(Mirrors.Route::credential);
        boolean mirrorAlive = mirrorCredential.isPresent();
        boolean sameAuthority = true;
        int redirects = 0;
        int attempt = 0;
        while (true) {
            // each credential only to its own scheme, host and port; once dropped, never sent again on later hops
            boolean sendCredential = credentialAlive && call.credential().get().appliesTo(uri);
            credentialAlive = sendCredential;
            boolean sendMirror = mirrorAlive && mirrorCredential.get().appliesTo(uri);
            mirrorAlive = sendMirror;
            sameAuthority = sameAuthority && sameAuthority(call.uri(), uri);
            Optional<Credential> sent = sendMirror ? mirrorCredential
                    : sendCredential ? call.credential() : Optional.empty();
            TransportRequest request = new TransportRequest(method, uri, headers(call, sent, sameAuthority), body,
                    bounds);
            if (deadline.passed()) {
                throw deadlinePassed(method, uri, deadline, attempt);
            }
            attempt++;
            TransportResponse response;
            try {
                response = transports.exchange(request);
            } catch (SSLHandshakeException e) {
                throw new DownloadException(Redaction.withoutUserInfo(uri), "TLS handshake with " + uri.getHost()
                        + " failed for " + Redaction.forDisplay(uri) + ": " + e.getMessage() + ". If the server"
                        + " uses a private CA, give the hub an SSLContext or a trust store that trusts it.", e);
            } catch (IOException e) {
                if (e instanceof ProxyException p && p.authenticationRefused()) {
                    // no retry: only other credentials would help
                    throw new DownloadException(Redaction.withoutUserInfo(uri), p.status(), method + " "
                            + Redaction.forDisplay(uri) + " failed: " + p.getMessage() + ".", p);
                }
                if (attempt <= retries && !(e instanceof LimitExceeded l && l.kind() == LimitExceeded.Kind.DEADLINE)) {
                    pause(method, uri, attempt, Optional.empty(), describe(e), deadline);
                    continue;
                }
                throw new DownloadException(Redaction.withoutUserInfo(uri), method + " " + Redaction.forDisplay(uri)
                        + " failed after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + ": " + describe(e)
                        + ". Check the network, the proxy settings (HTTPS_PROXY, NO_PROXY) and that "
                        + uri.getHost() + " is reachable.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownloadException(Redaction.withoutUserInfo(uri), "Interrupted while requesting "
                        + Redaction.forDisplay(uri), e);
            }
            int status = response.status();
            if (REDIRECTS.contains(status)) {
                Optional<String> location = response.header("Location");
                response.discard();
                if (location.isEmpty()) {
                    throw new DownloadException(Redaction.withoutUserInfo(uri), status, "The server answered "
                            + status + " for " + Redaction.forDisplay(uri) + " without a Location header.", null);
                }
                if (++redirects > maxRedirects) {
                    throw new DownloadException(Redaction.withoutUserInfo(uri), status, "More than " + maxRedirects
                            + " redirects starting from " + Redaction.forDisplay(call.uri())
                            + "; the server may be redirecting in a loop.", null);
                }
                URI next = resolve(uri, location.get(), status);
                checkScheme(next, uri);
                if (status == 303 || (status == 301 || status == 302) && method.equals("POST")) {
                    method = method.equals("HEAD") ? "HEAD" : "GET";
                    body = Optional.empty();
                }
                LOG.log(System.Logger.Level.DEBUG, () -> status + " redirect from " + Redaction.forDisplay(call.uri())
                        + " to " + Redaction.forDisplay(next));
                uri = next;
                attempt = 0;
                continue;
            }
            if (RETRIED.contains(status)) {
                Optional<String> retryAfter = response.header("Retry-After");
                response.discard();
                if (attempt <= retries) {
                    pause(method, uri, attempt, retryAfter, "status " + status, deadline);
                    continue;
                }
                throw new DownloadException(Redaction.withoutUserInfo(uri), status, method + " "
                        + Redaction.forDisplay(uri) + " failed after " + attempt + " attempt"
                        + (attempt == 1 ? "" : "s") + ": the last status was " + status
                        + (status == 429 ? " (too many requests)" : " (server error)")
                        + ". The server is busy or failing; try again later.", null);
            }
            return new Exchanged(response, uri, sendCredential);
        }
    }

    private record Exchanged(TransportResponse response, URI uri, boolean credentialSent) {
    }

    private <T> T handle(TransportResponse response, URI uri, boolean credentialSent, ResponseHandler<T> handler) {
        try (response) {
            OptionalLong length = ContentLength.of(response.headers("Content-Length"));
            InputStream in = progress == ProgressListener.NONE ? response.body()
                    : new ProgressStream(response.body(), progress, Redaction.forDisplay(uri), length.orElse(-1));
            try {
                return handler.handle(new Reply(response.status(), uri, response, length, credentialSent, in));
            } catch (IOException | RuntimeException | Error e) {
                response.abort(); // the rest of the body is not wanted: do not wait for it to drain
                throw e;
            }
        } catch (IOException e) {
            String what = e instanceof LimitExceeded l && l.kind() != LimitExceeded.Kind.READ_TIMEOUT ? e.getMessage()
                    : e instanceof HttpTimeoutException ? "the read timed out (" + e.getMessage() + ")"
                    : "the transfer failed: " + describe(e);
            throw new DownloadException(Redaction.withoutUserInfo(uri), response.status(), "Reading "
                    + Redaction.forDisplay(uri) + " failed: " + what + ". Try again; a download resumes where it"
                    + " stopped.", e);
        }
    }

    private Map<String, String> headers(HttpCall call, Optional<Credential> credential, boolean sameAuthority) {
        Map<String, String> out = new LinkedHashMap<>();
        call.headers().forEach((name, value) -> {
            if (sameAuthority || !SENSITIVE.contains(name.toLowerCase(Locale.ROOT))) {
                out.put(name, value);
            }
        });
        if (call.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("User-Agent"))) {
            out.put("User-Agent", userAgent);
        }
        credential.ifPresent(c -> out.put(c.headerName(), c.headerValue()));
        return out;
    }

    private static boolean sameAuthority(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private void checkScheme(URI uri, URI from) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (from != null && !scheme.equals("http") && !scheme.equals("https")) {
            throw new DownloadException(Redaction.withoutUserInfo(from), "Refused a redirect from "
                    + Redaction.forDisplay(from) + " to " + Redaction.forDisplay(uri) + ": its scheme \""
                    + (scheme.isEmpty() ? "(none)" : scheme) + "\" is not supported; jhub follows redirects only to"
                    + " https (http only when allowed). Ask the publisher for an https URL.", null);
        }
        if (from != null && "https".equalsIgnoreCase(from.getScheme()) && !scheme.equals("https")) {
            throw new DownloadException(Redaction.withoutUserInfo(from), "Refused a redirect from "
                    + Redaction.forDisplay(from) + " to the insecure " + Redaction.forDisplay(uri)
                    + ": jhub never follows https to http. Ask the publisher for an https URL.", null);
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            throw new DownloadException(Redaction.withoutUserInfo(uri), "Plain http is not allowed for "
                    + Redaction.forDisplay(uri) + ": use an https URL, or allow plain http explicitly"
                    + " (allowPlainHttp(true)) if you trust the network.", null);
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new DownloadException(Redaction.withoutUserInfo(uri), "Cannot follow " + uri
                    + ": only absolute http(s) URLs with a host are supported.", null);
        }
    }

    private static URI resolve(URI base, String location, int status) {
        try {
            return base.resolve(URI.create(location.trim()));
        } catch (IllegalArgumentException e) {
            throw new DownloadException(Redaction.withoutUserInfo(base), status, "The server redirected "
                    + Redaction.forDisplay(base) + " to a malformed Location: " + e.getMessage(), e);
        }
    }

    private void pause(String method, URI uri, int attempt, Optional<String> retryAfter, String why,
                       Deadline deadline) {
        Duration wait = backoff.delay(attempt, retryAfter, ZonedDateTime.now());
        if (deadline.remaining().filter(left -> left.compareTo(wait) <= 0).isPresent()) {
            throw deadlinePassed(method, uri, deadline, attempt);
        }
        LOG.log(System.Logger.Level.INFO, () -> "Retrying " + Redaction.forDisplay(uri) + " after " + why + " in "
                + wait.toMillis() + " ms (retry " + attempt + " of " + retries + ")");
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(Redaction.withoutUserInfo(uri), "Interrupted while waiting to retry "
                    + Redaction.forDisplay(uri), e);
        }
    }

    private static DownloadException deadlinePassed(String method, URI uri, Deadline deadline, int attempts) {
        return new DownloadException(Redaction.withoutUserInfo(uri), method + " " + Redaction.forDisplay(uri)
                + " stopped after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": it would pass "
                + deadline.describe() + ". Try again later, or raise the setting.", null);
    }

    private String describe(IOException e) {
        if (e instanceof LimitExceeded) {
            return e.getMessage();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connecting timed out (" + e.getMessage() + ")";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within the read timeout of " + readTimeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused or unreachable (" + Objects.toString(e.getMessage(), "ConnectException")
                    + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    private record Reply(int status, URI uri, TransportResponse response, OptionalLong contentLength,
                         boolean credentialSent, InputStream body) implements HttpReply {
        @Override
        public Optional<String> header(String name) {
            return response.header(name);
        }

        @Override
        public void abort() {
            response.abort();
        }
    }

    /** A reply handed out open by {@link #open(HttpCall, Deadline)}; closing it releases the connection. */
    static final class Opened implements HttpReply, java.io.Closeable {
        private final Reply reply;

        private Opened(Reply reply) {
            this.reply = reply;
        }

        @Override
        public int status() {
            return reply.status();
        }

        @Override
        public URI uri() {
            return reply.uri();
        }

        @Override
        public Optional<String> header(String name) {
            return reply.header(name);
        }

        @Override
        public OptionalLong contentLength() {
            return reply.contentLength();
        }

        @Override
        public boolean credentialSent() {
            return reply.credentialSent();
        }

        @Override
        public InputStream body() {
            return reply.body();
        }

        @Override
        public void abort() {
            reply.abort();
        }

        @Override
        public void close() {
            reply.response().close();
        }
    }

    /**
     * Configures an {@link HttpEngine}. Every setter validates its argument at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Duration connectTimeout = HubDefaults.HTTP_CONNECTION_TIMEOUT;
        private Duration readTimeout = HubDefaults.HTTP_READ_TIMEOUT;
        private int retries = HubDefaults.HTTP_RETRIES;
        private int maxRedirects = 10;
        private String userAgent = UserAgent.value();
        private SSLContext sslContext;
        private Function<String, Optional<String>> environment =
                name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
        private ProxySelector proxySelector;
        private boolean allowPlainHttp;
        private HttpClient httpClient;
        private ProgressListener progress = ProgressListener.NONE;
        private Duration backoffBase = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(30);
        private HttpLimits limits = HttpLimits.defaults();
        private Mirrors mirrors = Mirrors.NONE;

        private Builder() {
        }

        /**
         * Sets the minimum rate, the headers deadline and the overall deadline. Default {@link HttpLimits#defaults()}.
         *
         * @param l the limits
         * @return this builder
         */
        public Builder limits(HttpLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /**
         * Sets how long to wait for a TCP/TLS connection. Default 5 s.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /**
         * Sets how long to wait for the response headers and, while a body streams, for its next bytes.
         * Default 120 s.
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout");
            return this;
        }

        /**
         * Sets how many times a failed attempt is retried (so {@code n + 1} attempts in all). Default 4.
         *
         * @param n 0 to 100
         * @return this builder
         */
        public Builder retries(int n) {
            if (n < 0 || n > 100) {
                throw new IllegalArgumentException("retries must be between 0 and 100, got " + n);
            }
            this.retries = n;
            return this;
        }

        /**
         * Sets how many redirects one call may follow. Default 10.
         *
         * @param n 0 to 50
         * @return this builder
         */
        public Builder maxRedirects(int n) {
            if (n < 0 || n > 50) {
                throw new IllegalArgumentException("maxRedirects must be between 0 and 50, got " + n);
            }
            this.maxRedirects = n;
            return this;
        }

        /**
         * Replaces the {@code User-Agent} (default {@code jhub/<version> (Java <feature>)}).
         *
         * @param ua a non-blank value without line breaks
         * @return this builder
         */
        public Builder userAgent(String ua) {
            Objects.requireNonNull(ua, "ua");
            if (ua.isBlank() || ua.indexOf('\r') >= 0 || ua.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("userAgent must be non-blank without line breaks, got \""
                        + ua + "\"");
            }
            this.userAgent = ua;
            return this;
        }

        /**
         * Sets the TLS context (a private CA, a test certificate). Default: the JVM's.
         *
         * @param ctx the context
         * @return this builder
         */
        public Builder sslContext(SSLContext ctx) {
            this.sslContext = Objects.requireNonNull(ctx, "ctx");
            return this;
        }

        /**
         * Sets where {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (either case) are read.
         * Default: the process environment.
         *
         * @param env a lookup returning a variable's value, empty when unset
         * @return this builder
         */
        public Builder environment(Function<String, Optional<String>> env) {
            this.environment = Objects.requireNonNull(env, "env");
            return this;
        }

        /**
         * Sets the proxy selector, overriding the environment and the JDK's proxy properties. Such a selector
         * names no proxy credentials: for an authenticated proxy use the {@link #environment(Function)}.
         *
         * @param p the selector
         * @return this builder
         */
        public Builder proxySelector(ProxySelector p) {
            this.proxySelector = Objects.requireNonNull(p, "proxySelector");
            return this;
        }

        /**
         * Allows plain {@code http:} URLs. Default false. A redirect from https to http is refused regardless.
         *
         * @param allow true to allow
         * @return this builder
         */
        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        /**
         * Sends every request over the application's own client instead of jhub's connections: its proxy
         * selector, authenticator, TLS context and connect timeout apply, and this builder's
         * {@link #sslContext(SSLContext)}, {@link #proxySelector(ProxySelector)} and {@link #environment(Function)}
         * proxies do not. Redirects, retries, credentials, headers, the read timeout and the limits are still the
         * engine's. Default: none, jhub's own connections.
         *
         * @param client a client built with {@code followRedirects(HttpClient.Redirect.NEVER)}
         * @return this builder
         * @throws IllegalArgumentException if the client follows redirects itself, which would let a credential
         *         reach another host
         */
        public Builder httpClient(HttpClient client) {
            Objects.requireNonNull(client, "client");
            if (client.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("The HttpClient given to jhub follows redirects ("
                        + client.followRedirects() + "); build it with followRedirects(HttpClient.Redirect.NEVER),"
                        + " since jhub follows redirects itself so that a credential never leaves its host.");
            }
            this.httpClient = client;
            return this;
        }

        /**
         * Sets where body bytes are reported as {@code DOWNLOAD} progress. Default: nowhere.
         *
         * @param l the listener
         * @return this builder
         */
        public Builder progress(ProgressListener l) {
            this.progress = Objects.requireNonNull(l, "progress");
            return this;
        }

        /**
         * Sets the back-off: the first retry waits about {@code base}, each later one twice as long, never more
         * than {@code max} (which also caps a server's {@code Retry-After}). Default 500 ms and 30 s.
         *
         * @param base a positive duration
         * @param max a duration not shorter than {@code base}
         * @return this builder
         */
        public Builder backoff(Duration base, Duration max) {
            positive(base, "backoff base");
            positive(max, "backoff max");
            if (max.compareTo(base) < 0) {
                throw new IllegalArgumentException("backoff max " + max + " is shorter than base " + base);
            }
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /**
         * Takes a fetch context's timeouts, TLS context, proxy variables (a snapshot, so the engine does not keep
         * the context reachable) and {@linkplain #settings(Function) settings}. Its progress listener is not taken.
         *
         * @param ctx the context, e.g. a hub's
         * @return this builder
         * @throws IllegalArgumentException if a setting is malformed (the message names it)
         */
        public Builder context(FetchContext ctx) {
            Objects.requireNonNull(ctx, "ctx");
            Map<String, String> proxyEnv = new LinkedHashMap<>();
            for (String name : PROXY_VARIABLES) {
                ctx.env(name).ifPresent(v -> proxyEnv.put(name, v));
            }
            connectTimeout(ctx.connectTimeout()).readTimeout(ctx.readTimeout())
                    .environment(name -> Optional.ofNullable(proxyEnv.get(name))).settings(ctx::setting);
            ctx.sslContext().ifPresent(this::sslContext);
            return this;
        }

        /**
         * Applies a hub's settings: {@code http.retries} (0 to 100), {@code http.backoffBaseMillis} and
         * {@code http.backoffMaxMillis} (see {@link #backoff(Duration, Duration)}), the {@link HttpLimits}
         * settings ({@link HttpLimits#fromSettings(Function)}) and the mirrors ({@code mirrors} names them;
         * {@code mirror.<id>.of}, {@code mirror.<id>.url}, {@code mirror.<id>.token},
         * {@code mirror.<id>.tokenHeader} describe each): every request whose URL is on a mirrored host or under
         * a mirrored URL prefix goes to the mirror instead, with the mirror's token and never the caller's
         * credential. Unset settings keep their defaults.
         *
         * @param settings a lookup returning a setting's value, empty when unset
         * @return this builder
         * @throws IllegalArgumentException if a setting is malformed (the message names it)
         */
        public Builder settings(Function<String, Optional<String>> settings) {
            Objects.requireNonNull(settings, "settings");
            retries((int) WholeSetting.read(settings, "http.retries", HubDefaults.HTTP_RETRIES, 0, 100));
            limits(HttpLimits.fromSettings(settings));
            this.mirrors = Mirrors.fromSettings(settings);
            return backoff(Duration.ofMillis(WholeSetting.read(settings, "http.backoffBaseMillis", 500, 1, 600_000)),
                    Duration.ofMillis(WholeSetting.read(settings, "http.backoffMaxMillis", 30_000, 1, 3_600_000)));
        }

        /**
         * Builds the engine.
         *
         * @return a new engine
         */
        public HttpEngine build() {
            return new HttpEngine(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
