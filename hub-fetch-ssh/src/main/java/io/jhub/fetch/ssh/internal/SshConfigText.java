package io.jhub.fetch.ssh.internal;

import io.jhub.api.FetchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an OpenSSH client config with its {@code Include} directives expanded in place, for jsch's parser, which
 * knows no {@code Include}. As ssh_config(5) says: several paths per directive, {@code ~} for the home
 * directory, relative paths under {@code ~/.ssh}, wildcards (here in the last path element) expanded in lexical
 * order, missing files skipped, at most 16 levels. An included file's {@code Host} blocks end where it ends: the
 * block the directive stood in (or, at the top, a {@code Host *} block, which every host matches like the
 * top-level lines) starts again after it. jsch keeps one block per distinct {@code Host} line, the last, where
 * OpenSSH reads them all (first value wins); so a repeated line gets a negated pattern no host has
 * ({@code !jhub.repeat.N.invalid}, a reserved name) to stay a block of its own.
 */
final class SshConfigText {
    private static final int MAX_DEPTH = 16;

    private final Path sshDir;
    private final Path home;
    private final Set<String> headers = new HashSet<>();

    SshConfigText(Path sshDir, Path home) {
        this.sshDir = sshDir;
        this.home = home;
    }

    /**
     * Reads a config file.
     *
     * @param file the config file
     * @return its text, includes expanded
     * @throws IOException if a file cannot be read
     * @throws FetchException if includes nest more than 16 levels deep
     */
    String read(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        append(file, out, 0, "Host *");
        return out.toString();
    }

    /** Appends a file whose lines start inside {@code block} (the including file's block, or "Host *"). */
    private void append(Path file, StringBuilder out, int depth, String enclosing) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new FetchException("The SSH config includes nest more than " + MAX_DEPTH + " levels deep (at "
                    + file + "); look for an Include that includes itself.");
        }
        String block = enclosing;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            List<String> words = words(line);
            String keyword = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
            if (keyword.equals("include")) {
                for (String pattern : words.subList(1, words.size())) {
                    for (Path included : matches(pattern)) {
                        append(included, out, depth + 1, block);
                    }
                }
                header(block, out); // back in the block the directive stood in
                continue;
            }
            if (keyword.equals("host") || keyword.equals("match")) {
                block = line.strip();
                header(block, out);
                continue;
            }
            out.append(line).append('\n');
        }
    }

    private void header(String line, StringBuilder out) {
        String unique = line;
        for (int n = 1; !headers.add(unique); n++) {
            unique = line + " !jhub.repeat." + n + ".invalid";
        }
        out.append(unique).append('\n');
    }

    /** The files a pattern names, in lexical order; wildcards only in the last element. */
    private List<Path> matches(String pattern) throws IOException {
        Path p = pattern.equals("~") ? home : pattern.startsWith("~/") ? home.resolve(pattern.substring(2))
                : sshDir.resolve(pattern);
        String last = p.getFileName() == null ? "" : p.getFileName().toString();
        List<Path> found = new ArrayList<>();
        if (last.indexOf('*') < 0 && last.indexOf('?') < 0 && last.indexOf('[') < 0) {
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
            return found;
        }
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
            for (Path f : ds) {
                if (Files.isRegularFile(f)) {
                    found.add(f);
                }
            }
        }
        found.sort(null);
        return found;
    }

    /** Splits a config line into words: whitespace or one '=' after the keyword, double quotes group. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return out;
        }
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (Character.isWhitespace(c) || c == '=' && out.isEmpty())) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
