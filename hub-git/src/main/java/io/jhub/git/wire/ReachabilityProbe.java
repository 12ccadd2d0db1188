package io.jhub.git.wire;

import io.jhub.api.GitProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks a git server whether a commit is reachable from its advertised refs, without downloading objects: a
 * protocol v0 request {@code want <commit> shallow no-progress}, {@code deepen 1}, flush, and no {@code done}. The
 * server checks the want first and answers {@code ERR upload-pack: not our ref <commit>} when it refuses it, or
 * {@code shallow <commit>} and a flush when it accepts it; without {@code done} it builds no pack. Protocol v0 is
 * used on purpose: git's v2 {@code fetch} (checked with git 2.39) serves any object the server holds, reachable or
 * not, so only v0 tells. Over stateless smart-HTTP git accepts any commit reachable from a ref; over a
 * connection (SSH) only ref tips, unless the server advertises {@code allow-reachable-sha1-in-want}.
 *
 * @since 0.1
 */
public final class ReachabilityProbe {
    private ReachabilityProbe() {
    }

    /**
     * What the server answered.
     *
     * @param reachable true when the server accepted the want
     * @param refusal the server's error text when it refused it
     */
    public record Answer(boolean reachable, Optional<String> refusal) {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if {@code refusal} is null
         */
        public Answer {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /**
     * Writes the request.
     *
     * @param writer where to write (not flushed to the network)
     * @param commit the full commit id
     * @throws IOException if writing fails
     */
    public static void write(PktLineWriter writer, String commit) throws IOException {
        writer.writeText("want " + commit + " shallow no-progress");
        writer.writeText("deepen 1");
        writer.writeFlush();
    }

    /**
     * Returns the request as bytes, for a stateless smart-HTTP POST.
     *
     * @param commit the full commit id
     * @return the pkt-lines
     */
    public static byte[] request(String commit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PktLineWriter w = new PktLineWriter(out);
            write(w, commit);
            w.flushStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads the first packet of the answer; the caller then closes the stream.
     *
     * @param reader the server's answer
     * @return whether the commit was accepted, or the refusal
     * @throws GitProtocolException if the server reported another error or sent something else
     * @throws IOException if reading fails
     */
    public static Answer read(PktLineReader reader) throws IOException {
        try {
            PktLine first = reader.read();
            if (first.isData() && first.text().startsWith("shallow ") || first.kind() == PktLine.Kind.FLUSH) {
                return new Answer(true, Optional.empty());
            }
            throw new GitProtocolException("Unexpected answer to a want: \"" + (first.isData() ? first.text()
                    : first.kind().toString()) + "\".");
        } catch (GitProtocolException e) {
            if (e.getMessage().contains("not our ref")) {
                return new Answer(false, Optional.of(e.getMessage()));
            }
            throw e;
        }
    }
}
