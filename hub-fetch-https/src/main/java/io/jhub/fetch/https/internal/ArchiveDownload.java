package io.jhub.fetch.https.internal;

import io.jhub.api.DownloadException;
import io.jhub.api.GitHost;
import io.jhub.api.spi.FetchContext;
import io.jhub.http.Deadline;
import io.jhub.http.HttpCall;
import io.jhub.http.HttpEngine;
import io.jhub.http.ResumableBody;
import io.jhub.http.SafeUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Downloads an archive and extracts it while it arrives. When the connection stalls or breaks mid-archive, the
 * body resumes with a range request ({@link ResumableBody}), so the extractor goes on from the byte where it
 * stopped; when the host cannot resume (no validator, a {@code 200} or a range answer that does not fit), the
 * target is emptied and the download starts over. Requests, resumes included, are bounded by
 * {@code https.attempts}, and all of them by one {@code http.deadline}.
 */
public final class ArchiveDownload {
    private static final System.Logger LOG = System.getLogger(ArchiveDownload.class.getName());

    private ArchiveDownload() {
    }

    /**
     * Downloads and extracts.
     *
     * @param engine the HTTP engine
     * @param archive the archive URL and token header
     * @param token the token, for messages
     * @param host the git host, for messages
     * @param what what is downloaded, for messages
     * @param settings limits and attempts
     * @param target the empty directory to fill
     * @param ctx progress
     * @return what was written
     * @throws IOException if the target cannot be written (not retried: the file system failed, not the download)
     */
    public static ExtractResult run(HttpEngine engine, ArchiveUrls.Target archive, Optional<Token> token,
            GitHost host, String what, HttpsSettings settings, Path target, FetchContext ctx) throws IOException {
        HttpCall call = SmartHttpRefs.authorised(HttpCall.get(archive.uri()), archive, token);
        Deadline deadline = Deadline.start(engine.limits());
        DownloadException last = null;
        int requests = 0;
        while (requests < settings.attempts()) {
            requests++;
            int left = settings.attempts() - requests;
            ResumableBody[] body = new ResumableBody[1];
            try {
                return engine.send(call, reply -> {
                    if (reply.status() != 200) {
                        throw HttpErrors.forStatus(reply, what, host, token);
                    }
                    try (ResumableBody b = ResumableBody.of(engine, call, reply, deadline, left)) {
                        body[0] = b;
                        return ArchiveExtractor.extract(new BodyStream(b), b::abort, target, settings.limits(),
                                ctx.progress(), SafeUrls.forDisplay(reply.uri()));
                    } catch (TransportException e) {
                        throw e;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e); // a file system failure: past the engine unchanged
                    }
                }, deadline);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (DownloadException e) {
                if (transportCause(e).isEmpty()) {
                    throw e;
                }
                last = e;
                requests += body[0] == null ? 0 : body[0].resumes();
                LOG.log(System.Logger.Level.WARNING, "the download of {0} from {1} broke off (after {2} of {3}"
                        + " requests): {4}", what, host, requests, settings.attempts(),
                        transportCause(e).get().getMessage());
                TargetCleaner.empty(target);
            }
        }
        IOException cause = transportCause(last).orElseThrow();
        throw new DownloadException(SafeUrls.withoutUserInfo(archive.uri()), "The download of " + what + " from " + host + " broke off "
                + settings.attempts() + " times (" + describe(cause) + "). Check the network or the host, raise the read"
                + " timeout or the setting https.attempts, and try again.", last);
    }

    private static Optional<IOException> transportCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransportException te) {
                return Optional.of(te);
            }
        }
        return Optional.empty();
    }

    private static String describe(IOException e) {
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String kind = root instanceof java.net.http.HttpTimeoutException
                || root instanceof java.net.SocketTimeoutException ? "timed out" : "connection lost";
        return kind + ": " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
