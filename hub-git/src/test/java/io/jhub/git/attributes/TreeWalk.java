package io.jhub.git.attributes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A top-down walk over a commit's tree from git objects, the way the SSH fetcher will call the filter. */
final class TreeWalk {
    private record Entry(String mode, String type, String id, String name) {
    }

    private final GitRepo repo;
    private final ExportFilter filter;
    private final Map<String, String> out = new TreeMap<>();

    private TreeWalk(GitRepo repo, ExportFilter filter) {
        this.repo = repo;
        this.filter = filter;
    }

    /** The tree jhub builds: path to content, as {@link TarEntries#read} gives git archive's. */
    static Map<String, String> walk(GitRepo repo, String commitId, ExportOptions options) {
        CommitInfo commit = CommitInfo.parse(commitId, repo.gitBytes(null, "cat-file", "commit", commitId));
        TreeWalk w = new TreeWalk(repo, new ExportFilter(commit, options));
        List<Entry> root = w.list(commit.tree());
        w.walk(root, AttributeRules.root(w.attributes(root)), "");
        return w.out;
    }

    static Map<String, String> walk(GitRepo repo, String commitId) {
        return walk(repo, commitId, ExportOptions.defaults(1 << 20));
    }

    private void walk(List<Entry> entries, AttributeRules rules, String prefix) {
        for (Entry e : entries) {
            EntryKind kind = switch (e.mode()) {
                case "040000" -> EntryKind.DIRECTORY;
                case "160000" -> EntryKind.GITLINK;
                case "120000" -> EntryKind.SYMLINK;
                default -> EntryKind.FILE;
            };
            if (rules.exportIgnored(e.name(), kind)) {
                continue;
            }
            String path = prefix + e.name();
            switch (kind) {
                case DIRECTORY -> {
                    out.put(path + "/", "");
                    List<Entry> children = list(e.id());
                    walk(children, rules.descend(e.name(), attributes(children)), path + "/");
                }
                case GITLINK -> out.put(path + "/", "");
                case SYMLINK -> out.put(path, "-> " + new String(blob(e.id()), StandardCharsets.UTF_8));
                default -> {
                    byte[] content = blob(e.id());
                    BlobConversion c = filter.conversion(rules, e.name(), kind, content.length);
                    byte[] emitted = c.needsFilter() ? c.apply(content, e.id()) : content;
                    out.put(path, new String(emitted, StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    private Optional<byte[]> attributes(List<Entry> entries) {
        return entries.stream().filter(e -> e.name().equals(".gitattributes") && e.type().equals("blob"))
                .findFirst().map(e -> blob(e.id()));
    }

    private byte[] blob(String id) {
        return repo.gitBytes(null, "cat-file", "blob", id);
    }

    private List<Entry> list(String tree) {
        String text = new String(repo.gitBytes(null, "ls-tree", "-z", tree), StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (String rec : text.split("\0")) {
            if (rec.isEmpty()) {
                continue;
            }
            int tab = rec.indexOf('\t');
            String[] meta = rec.substring(0, tab).split(" ");
            entries.add(new Entry(meta[0], meta[1], meta[2], rec.substring(tab + 1)));
        }
        return entries;
    }
}
