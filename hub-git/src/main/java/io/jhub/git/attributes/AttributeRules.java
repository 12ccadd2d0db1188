package io.jhub.git.attributes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code .gitattributes} rules in force in one directory of a tree, built top-down the way {@code git archive}
 * reads them from the archived commit: the built-in {@code binary} macro, the root file, then the file of each
 * directory on the way down. Later lines override earlier ones, deeper files override shallower ones, and
 * {@code [attr]} macros count only in the root file. Attributes from the host's own configuration
 * ({@code /etc/gitattributes}, {@code core.attributesFile}, {@code info/attributes}) are not known here and not
 * applied; a host that has some may archive differently.
 *
 * <p>Each file is read as git reads attribute blobs: up to its first NUL byte, without removing a UTF-8 byte-order
 * mark (so a marked first line names a pattern starting with the mark), lines of 2048 bytes or more ignored,
 * files of {@link #MAX_FILE_SIZE} bytes or more ignored whole; lines git rejects (a negated pattern, an invalid
 * attribute name, {@code [attr]} below the root) are dropped silently.
 *
 * <p>Immutable: a walker keeps one instance per directory on its path and calls {@link #descend} for each
 * subdirectory it enters. Paths are UTF-8 bytes compared case-sensitively, as on a Linux host.
 *
 * @since 0.2
 */
public final class AttributeRules {
    private final String directory;
    private final byte[] directoryBytes;
    private final List<AttributeFile> files;
    private final Map<String, AttributeLine> macros;

    private AttributeRules(String directory, List<AttributeFile> files, Map<String, AttributeLine> macros) {
        this.directory = directory;
        this.directoryBytes = directory.getBytes(StandardCharsets.UTF_8);
        this.files = files;
        this.macros = macros;
    }

    /**
     * The rules of the tree's root directory.
     *
     * @param gitattributes the content of the root's {@code .gitattributes} blob, if the root has an entry of
     *     that name that is a blob (a symbolic link's blob counts: git reads its target text as the file); a blob
     *     of {@link #MAX_FILE_SIZE} bytes or more is ignored, as git does, so a walker may skip reading it
     * @return the root's rules
     * @throws NullPointerException if {@code gitattributes} is null
     */
    public static AttributeRules root(Optional<byte[]> gitattributes) {
        List<AttributeFile> files = new ArrayList<>();
        files.add(AttributeFile.BUILTIN);
        gitattributes.ifPresent(c -> files.add(AttributeFile.parse(new byte[0], c, true)));
        Map<String, AttributeLine> macros = new HashMap<>();
        for (AttributeFile f : files) {
            for (AttributeLine line : f.lines()) {
                if (line.isMacro()) {
                    macros.put(line.macroName(), line);
                }
            }
        }
        return new AttributeRules("", List.copyOf(files), Map.copyOf(macros));
    }

    /** Git ignores {@code .gitattributes} blobs of this many bytes or more (100 MiB, ATTR_MAX_FILE_SIZE). */
    public static final long MAX_FILE_SIZE = AttributeFile.MAX_FILE_SIZE;

    /**
     * The rules of a subdirectory of this directory.
     *
     * @param name the subdirectory's name in this directory (one path element, no {@code /})
     * @param gitattributes the content of that subdirectory's {@code .gitattributes} blob, if it has one; see
     *     {@link #root}
     * @return the subdirectory's rules; this instance is unchanged
     * @throws IllegalArgumentException if {@code name} is empty or holds a {@code /}
     */
    public AttributeRules descend(String name, Optional<byte[]> gitattributes) {
        String path = path(name);
        Objects.requireNonNull(gitattributes, "gitattributes");
        if (gitattributes.isEmpty()) {
            return new AttributeRules(path, files, macros);
        }
        List<AttributeFile> deeper = new ArrayList<>(files);
        deeper.add(AttributeFile.parse(path.getBytes(StandardCharsets.UTF_8), gitattributes.get(), false));
        return new AttributeRules(path, List.copyOf(deeper), macros);
    }

    /**
     * This directory's path below the root.
     *
     * @return {@code ""} for the root, else the {@code /}-separated path without a trailing slash
     */
    public String directory() {
        return directory;
    }

    /**
     * Whether {@code git archive} leaves an entry of this directory out ({@code export-ignore} set). The walker
     * must then skip a directory's whole subtree: git does not look below an ignored directory.
     *
     * @param name the entry's name in this directory
     * @param kind what the entry is
     * @return true if the entry is left out
     */
    public boolean exportIgnored(String name, EntryKind kind) {
        AttributeState s = attributes(name, kind).get("export-ignore");
        return s != null && s.isSet();
    }

    /** The attributes git determines for an entry of this directory, by name; unspecified ones are absent. */
    Map<String, AttributeState> attributes(String name, EntryKind kind) {
        Objects.requireNonNull(kind, "kind");
        String path = path(name) + (kind.matchedAsDirectory() ? "/" : "");
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        int basename = directoryBytes.length == 0 ? 0 : directoryBytes.length + 1;
        Map<String, AttributeState> found = new HashMap<>();
        for (int f = files.size() - 1; f >= 0; f--) {
            AttributeFile file = files.get(f);
            for (int i = file.lines().size() - 1; i >= 0; i--) {
                AttributeLine line = file.lines().get(i);
                if (!line.isMacro() && line.pattern().matches(bytes, basename, file.origin())) {
                    fill(found, line.states());
                }
            }
        }
        found.values().removeIf(s -> s.kind() == AttributeState.Kind.UNSPECIFIED);
        return found;
    }

    private void fill(Map<String, AttributeState> found, List<AttributeState> states) {
        for (int i = states.size() - 1; i >= 0; i--) {
            AttributeState s = states.get(i);
            if (!found.containsKey(s.name())) {
                found.put(s.name(), s);
                AttributeLine macro = macros.get(s.name());
                if (macro != null && s.isSet()) {
                    fill(found, macro.states());
                }
            }
        }
    }

    private String path(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("An entry name must be one non-empty path element without '/',"
                    + " but was \"" + name + "\"; pass the name within the directory, not a path");
        }
        return directory.isEmpty() ? name : directory + "/" + name;
    }
}
