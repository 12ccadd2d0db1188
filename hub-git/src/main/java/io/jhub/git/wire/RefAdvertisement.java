package io.jhub.git.wire;

import io.jhub.api.GitProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a git server says about itself before a fetch: its protocol version, capabilities, refs and where
 * {@code HEAD} points. A protocol v2 server advertises only capabilities; its refs come from an {@code ls-refs}
 * command ({@link #withLsRefs(PktLineReader)}).
 *
 * @param version the protocol version the server speaks: 0 (also for {@code version 1}) or 2
 * @param refs the refs, in the server's order, with peeled ids and symref targets where known
 * @param capabilities the capabilities, each {@code name} or {@code name=value}
 * @param headTarget the branch {@code HEAD} points to, if the server said so (also for an empty repository)
 * @since 0.1
 */
public record RefAdvertisement(int version, List<AdvertisedRef> refs, List<String> capabilities,
        Optional<String> headTarget) {

    /**
     * Validates and copies the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the version is not 0 or 2
     */
    public RefAdvertisement {
        if (version != 0 && version != 2) {
            throw new IllegalArgumentException("protocol version must be 0 or 2, got " + version);
        }
        refs = List.copyOf(refs);
        capabilities = List.copyOf(capabilities);
        Objects.requireNonNull(headTarget, "headTarget");
    }

    /**
     * Reads the advertisement an upload-pack server sends first over SSH, git:// or a v2 HTTP response: a v2
     * capability advertisement, or a v0 ref advertisement (optionally after a {@code version 1} line).
     *
     * @param reader the stream from the server
     * @return the advertisement
     * @throws GitProtocolException if the bytes are not an advertisement, or the server sent {@code ERR}
     * @throws IOException if reading fails
     */
    public static RefAdvertisement read(PktLineReader reader) throws IOException {
        PktLine first = reader.next().orElseThrow(() -> new GitProtocolException(
                "The git server closed the connection without advertising any refs; check the repository path."));
        return parse(first, reader);
    }

    /**
     * Reads a smart-HTTP {@code info/refs?service=git-upload-pack} body: an optional
     * {@code # service=git-upload-pack} line and flush, then the advertisement as for {@link #read(PktLineReader)}.
     *
     * @param reader the response body
     * @return the advertisement
     * @throws GitProtocolException if the body is not an upload-pack advertisement
     * @throws IOException if reading fails
     */
    public static RefAdvertisement readSmartHttp(PktLineReader reader) throws IOException {
        PktLine first = reader.read();
        if (first.isData() && first.text().startsWith("# service=")) {
            if (!first.text().equals("# service=git-upload-pack")) {
                throw new GitProtocolException("Expected \"# service=git-upload-pack\" but the server sent \""
                        + clip(first.text()) + "\".");
            }
            PktLine after = reader.read();
            if (after.kind() != PktLine.Kind.FLUSH) {
                throw new GitProtocolException("Expected a flush pkt-line after \"# service=git-upload-pack\", got "
                        + after + ".");
            }
            first = reader.read();
        }
        return parse(first, reader);
    }

    private static RefAdvertisement parse(PktLine first, PktLineReader reader) throws IOException {
        if (first.isData() && first.text().equals("version 2")) {
            return new RefAdvertisement(2, List.of(), reader.readLinesUntilFlush(), Optional.empty());
        }
        if (first.isData() && first.text().equals("version 1")) {
            first = reader.read();
        }
        List<String> lines = new ArrayList<>();
        if (first.kind() != PktLine.Kind.FLUSH) {
            if (!first.isData()) {
                throw new GitProtocolException("Unexpected " + first.kind() + " pkt-line at the start of a ref "
                        + "advertisement.");
            }
            lines.add(first.text());
            lines.addAll(reader.readLinesUntilFlush());
        }
        return V0Parser.parse(lines);
    }

    /**
     * Writes an {@code ls-refs} command to a v2 server, asking for symrefs, peeled tags and (when supported)
     * the unborn {@code HEAD}; agent and object format are sent only if the server advertised them.
     *
     * @param writer where to write
     * @param agent this client's agent string, such as {@code jhub/0.1}
     * @param prefixes ref prefixes to ask for (an optimisation only: the server may send more)
     * @throws IllegalStateException if this is not a v2 advertisement
     * @throws IOException if writing fails
     */
    public void writeLsRefs(PktLineWriter writer, String agent, List<String> prefixes) throws IOException {
        if (version != 2) {
            throw new IllegalStateException("ls-refs needs protocol v2; this server speaks v" + version);
        }
        writer.writeText("command=ls-refs");
        writeCommonCapabilities(writer, agent);
        writer.writeDelim();
        writer.writeText("symrefs").writeText("peel");
        if (capabilityValue("ls-refs").map(v -> List.of(v.split(" ")).contains("unborn")).orElse(false)) {
            writer.writeText("unborn");
        }
        for (String prefix : prefixes) {
            writer.writeText("ref-prefix " + prefix);
        }
        writer.writeFlush();
    }

    /**
     * Writes the agent and object-format capability lines of a v2 command, each only if the server advertised it.
     *
     * @param writer where to write
     * @param agent this client's agent string
     * @throws IOException if writing fails
     */
    public void writeCommonCapabilities(PktLineWriter writer, String agent) throws IOException {
        if (hasCapability("agent")) {
            writer.writeText("agent=" + agent);
        }
        Optional<String> format = capabilityValue("object-format");
        if (format.isPresent()) {
            writer.writeText("object-format=" + format.get());
        }
    }

    /**
     * Reads a v2 {@code ls-refs} reply and returns this advertisement with its refs and {@code HEAD} target.
     *
     * @param reader the stream from the server
     * @return a new advertisement
     * @throws GitProtocolException if a line is malformed or the server sent {@code ERR}
     * @throws IOException if reading fails
     */
    public RefAdvertisement withLsRefs(PktLineReader reader) throws IOException {
        return LsRefsParser.parse(this, reader.readLinesUntilFlush());
    }

    /**
     * Tells whether the server advertised a capability, with or without a value.
     *
     * @param name the capability's name, such as {@code ofs-delta} or {@code fetch}
     * @return true if advertised
     */
    public boolean hasCapability(String name) {
        return capabilities.stream().anyMatch(c -> c.equals(name) || c.startsWith(name + "="));
    }

    /**
     * Returns the value of a {@code name=value} capability.
     *
     * @param name the capability's name
     * @return the value, or empty if the capability is absent or has no value
     */
    public Optional<String> capabilityValue(String name) {
        return capabilities.stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1)).findFirst();
    }

    /**
     * Returns the ref with this exact name.
     *
     * @param name the full ref name, or {@code HEAD}
     * @return the ref, if advertised
     */
    public Optional<AdvertisedRef> ref(String name) {
        return refs.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
