package io.jhub.cli.internal;

import io.jhub.core.ByteSize;
import io.jhub.core.CacheInfo;
import io.jhub.core.CachedClasses;
import io.jhub.core.CachedCommit;
import io.jhub.core.CachedWeights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jhub cache ls} as a table for people and as JSON with stable field names (documented in the README):
 * {@code cacheDir}, {@code readOnlyCaches}, {@code commits[]} ({@code repo, commit, path, bytes, lastUsed,
 * validated}), {@code compiled[]} ({@code key, path, bytes, lastUsed}), {@code weights[]} ({@code name, url, path,
 * bytes, sha256, lastUsed}), {@code totalBytes}; times in ISO-8601 UTC, {@code null} for what is unknown.
 */
final class CacheListing {
    private CacheListing() {
    }

    static String json(CacheInfo info) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cacheDir", info.cacheDir().toString());
        doc.put("readOnlyCaches", info.readOnlyCaches().stream().map(Object::toString).toList());
        List<Object> commits = new ArrayList<>();
        for (CachedCommit c : info.commits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("repo", c.repo());
            m.put("commit", c.commit());
            m.put("path", c.dir().toString());
            m.put("bytes", c.bytes());
            m.put("lastUsed", c.lastUsed().toString());
            m.put("validated", c.validated());
            commits.add(m);
        }
        doc.put("commits", commits);
        List<Object> compiled = new ArrayList<>();
        for (CachedClasses c : info.compiled()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", c.key());
            m.put("path", c.dir().toString());
            m.put("bytes", c.bytes());
            m.put("lastUsed", c.lastUsed().toString());
            compiled.add(m);
        }
        doc.put("compiled", compiled);
        List<Object> weights = new ArrayList<>();
        for (CachedWeights w : info.weights()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", w.name());
            m.put("url", w.url());
            m.put("path", w.file().toString());
            m.put("bytes", w.bytes());
            m.put("sha256", w.sha256());
            m.put("lastUsed", w.lastUsed().toString());
            weights.add(m);
        }
        doc.put("weights", weights);
        doc.put("totalBytes", info.totalBytes());
        return Json.write(doc);
    }

    static String table(CacheInfo info) {
        Instant now = Instant.now();
        StringBuilder sb = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("REPOSITORY", "COMMIT", "SIZE", "LAST USED", "PATH"));
        for (CachedCommit c : info.commits()) {
            rows.add(List.of(c.repo(), abbreviate(c.commit()) + (c.validated() ? "" : " (unvalidated)"),
                    ByteSize.format(c.bytes()), ago(c.lastUsed(), now), c.dir().toString()));
        }
        section(sb, rows);
        rows.clear();
        rows.add(List.of("COMPILED CLASSES", "SIZE", "LAST USED", "PATH"));
        for (CachedClasses c : info.compiled()) {
            rows.add(List.of(c.key(), ByteSize.format(c.bytes()), ago(c.lastUsed(), now), c.dir().toString()));
        }
        section(sb, rows);
        rows.clear();
        rows.add(List.of("WEIGHTS", "URL", "SIZE", "SHA256", "LAST USED", "PATH"));
        for (CachedWeights w : info.weights()) {
            rows.add(List.of(w.name(), w.url().orElse("-"), ByteSize.format(w.bytes()),
                    w.sha256().map(CacheListing::abbreviate).orElse("-"), ago(w.lastUsed(), now),
                    w.file().toString()));
        }
        section(sb, rows);
        sb.append("total: ").append(info.commits().size()).append(" commits, ").append(info.compiled().size())
                .append(" compiled, ").append(info.weights().size()).append(" weights, ")
                .append(ByteSize.format(info.totalBytes())).append(" (").append(info.totalBytes())
                .append(" bytes) in ").append(info.cacheDir());
        for (var layer : info.readOnlyCaches()) {
            sb.append("\nread-only layer (searched first, not listed): ").append(layer);
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, List<List<String>> rows) {
        if (rows.size() == 1) {
            sb.append(rows.get(0).get(0)).append(": none\n\n");
            return;
        }
        int[] width = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + width[i] + "s  ", row.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append('\n');
    }

    private static String abbreviate(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** A last use as people say it: {@code just now}, {@code 5 minutes ago}, {@code 3 days ago}. */
    static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) {
            return "just now";
        }
        long[] sizes = {60, 3600, 86400, 86400 * 30L, 86400 * 365L};
        String[] names = {"minute", "hour", "day", "month", "year"};
        int i = sizes.length - 1;
        while (s < sizes[i]) {
            i--;
        }
        long n = s / sizes[i];
        return n + " " + names[i] + (n == 1 ? "" : "s") + " ago";
    }
}
