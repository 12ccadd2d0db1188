package io.jhub.fetch.ssh.internal;

import io.jhub.api.GitProtocolException;
import io.jhub.git.wire.PktLine;
import io.jhub.git.wire.PktLineReader;
import io.jhub.git.wire.PktLineWriter;
import io.jhub.git.wire.ReachabilityProbe;
import io.jhub.git.wire.RefAdvertisement;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of one git-upload-pack conversation: reads the advertisement (v2 or v0), lists refs, and asks
 * for a shallow pack of one commit. The server's version decides the dialect; v0 is the fallback when the
 * server ignored {@code GIT_PROTOCOL}.
 */
public final class UploadPack {
    /** The agent string sent to servers that advertise {@code agent}. */
    public static final String AGENT = "jhub/0.1";
    private static final System.Logger LOG = System.getLogger(UploadPack.class.getName());

    private final InputStream in;
    private final PktLineReader reader;
    private final PktLineWriter writer;
    private final RefAdvertisement server;
    private RefAdvertisement refs;

    private UploadPack(InputStream in, PktLineReader reader, PktLineWriter writer, RefAdvertisement server) {
        this.in = in;
        this.reader = reader;
        this.writer = writer;
        this.server = server;
        this.refs = server.version() == 0 ? server : null;
    }

    /**
     * Starts a conversation by reading the server's advertisement.
     *
     * @param in from the server
     * @param out to the server
     * @return the conversation
     * @throws GitProtocolException if the server does not speak the protocol
     * @throws IOException if reading fails
     */
    public static UploadPack start(InputStream in, java.io.OutputStream out) throws IOException {
        PktLineReader r = new PktLineReader(in);
        RefAdvertisement adv = RefAdvertisement.read(r);
        LOG.log(System.Logger.Level.DEBUG, "git server speaks protocol v{0}", adv.version());
        return new UploadPack(in, r, new PktLineWriter(out), adv);
    }

    /**
     * Returns the protocol version the server speaks.
     *
     * @return 0 or 2
     */
    public int version() {
        return server.version();
    }

    /**
     * Returns the server's refs (running {@code ls-refs} once for v2).
     *
     * @return the refs with capabilities and HEAD's target
     * @throws IOException if the exchange fails
     */
    public RefAdvertisement refs() throws IOException {
        if (refs == null) {
            server.writeLsRefs(writer, AGENT, List.of("HEAD", "refs/heads/", "refs/tags/"));
            refs = server.withLsRefs(reader);
        }
        return refs;
    }

    /**
     * Asks for a pack holding exactly one commit and its tree ({@code deepen 1}) and returns the pack bytes.
     *
     * @param commit the full commit id
     * @param progress receives the server's progress text
     * @return the pack stream, ending at the end of the pack
     * @throws GitProtocolException if the server refuses (for example {@code not our ref})
     * @throws IOException if the exchange fails
     */
    public InputStream fetch(String commit, java.util.function.Consumer<String> progress) throws IOException {
        return server.version() == 2 ? fetchV2(commit, progress) : fetchV0(v0Want(commit), progress);
    }

    /**
     * A v0 server only hands out advertised objects: for a commit that is the peeled target of an annotated
     * tag, ask for the tag object (the pack then holds the commit too).
     */
    private String v0Want(String commit) {
        if (server.refs().stream().anyMatch(r -> r.objectId().equals(commit))) {
            return commit;
        }
        return server.refs().stream().filter(r -> r.peeled().filter(commit::equals).isPresent())
                .map(io.jhub.git.wire.AdvertisedRef::objectId).findFirst().orElse(commit);
    }

    /**
     * Tells whether the server's v0 advertisement lets a client want any commit reachable from a ref (not only
     * ref tips), so that its refusal of a want means the commit is unreachable.
     *
     * @return true for a v0 server that advertises {@code allow-reachable-sha1-in-want}
     */
    public boolean checksReachability() {
        return server.version() == 0 && server.hasCapability("allow-reachable-sha1-in-want");
    }

    /**
     * Asks whether the server would hand out a commit, without fetching it ({@link ReachabilityProbe}); the
     * conversation is over afterwards.
     *
     * @param commit the full commit id
     * @return the server's answer
     * @throws IOException if the exchange fails
     */
    public ReachabilityProbe.Answer probe(String commit) throws IOException {
        ReachabilityProbe.write(writer, commit);
        writer.flushStream();
        return ReachabilityProbe.read(reader);
    }

    /**
     * Ends the conversation politely (a flush packet), ignoring failures.
     */
    public void end() {
        try {
            writer.writeFlush();
        } catch (IOException ignored) {
            // the server may already be gone
        }
    }

    private InputStream fetchV2(String commit, java.util.function.Consumer<String> progress) throws IOException {
        writer.writeText("command=fetch");
        server.writeCommonCapabilities(writer, AGENT);
        writer.writeDelim();
        writer.writeText("ofs-delta");
        writer.writeText("no-progress");
        if (server.capabilityValue("fetch").map(v -> List.of(v.split(" ")).contains("shallow")).orElse(false)) {
            writer.writeText("deepen 1");
        }
        writer.writeText("want " + commit);
        writer.writeText("done");
        writer.writeFlush();
        while (true) {
            PktLine p = reader.read();
            if (!p.isData()) {
                throw new GitProtocolException("The server ended its fetch reply without a packfile section ("
                        + p.kind() + ").");
            }
            String section = p.text();
            if (section.equals("packfile")) {
                return new SideBandInputStream(reader, progress);
            }
            if (!List.of("acknowledgments", "shallow-info", "wanted-refs", "packfile-uris").contains(section)) {
                throw new GitProtocolException("Unexpected section \"" + section + "\" in the server's fetch reply.");
            }
            for (PktLine q = reader.read(); q.kind() != PktLine.Kind.DELIM; q = reader.read()) {
                if (!q.isData()) {
                    throw new GitProtocolException("The server's \"" + section + "\" section ended with "
                            + q.kind() + " instead of a pack.");
                }
            }
        }
    }

    private InputStream fetchV0(String commit, java.util.function.Consumer<String> progress) throws IOException {
        List<String> caps = new ArrayList<>();
        boolean sideBand = false;
        for (String c : List.of("side-band-64k", "side-band")) {
            if (server.hasCapability(c)) {
                caps.add(c);
                sideBand = true;
                break;
            }
        }
        for (String c : List.of("ofs-delta", "shallow", "no-progress")) {
            if (server.hasCapability(c)) {
                caps.add(c);
            }
        }
        if (server.hasCapability("agent")) {
            caps.add("agent=" + AGENT);
        }
        boolean deepen = server.hasCapability("shallow");
        writer.writeText("want " + commit + " " + String.join(" ", caps));
        if (deepen) {
            writer.writeText("deepen 1");
        }
        writer.writeFlush();
        if (deepen) {
            reader.readLinesUntilFlush(); // shallow/unshallow lines
        }
        writer.writeText("done");
        writer.flushStream();
        String ack = reader.read().text();
        if (!ack.equals("NAK") && !ack.startsWith("ACK ")) {
            throw new GitProtocolException("Expected NAK or ACK from the server, got \"" + ack + "\".");
        }
        return sideBand ? new SideBandInputStream(reader, progress) : in; // the reader never reads ahead
    }
}
