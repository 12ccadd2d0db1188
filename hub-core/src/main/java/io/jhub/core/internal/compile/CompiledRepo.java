package io.jhub.core.internal.compile;

import io.jhub.core.internal.SmallFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a compiled-cache entry holds besides the class files: the hubconf class, its entries with their
 * Javadoc, the {@code dependencies} it declares, and a CRC-32 of every class file so a damaged entry is
 * noticed and rebuilt.
 *
 * @param hubconfClass binary name of the hubconf class
 * @param moduleInfo whether the repository declares its own {@code module-info.java}
 * @param dependencies module names from the hubconf's {@code dependencies} field, in declaration order
 * @param entries the entries in source order (overloads appear once each)
 * @param classFiles class files under {@link #CLASSES}, relative and {@code /}-separated, with their CRC-32
 */
public record CompiledRepo(String hubconfClass, boolean moduleInfo, List<String> dependencies,
                           List<EntryDoc> entries, Map<String, String> classFiles) {
    /** Directory of the class files inside an entry. */
    public static final String CLASSES = "classes";
    /** The metadata file inside an entry. */
    public static final String METADATA = "hub.properties";

    /**
     * Copies the fields.
     */
    public CompiledRepo {
        Objects.requireNonNull(hubconfClass, "hubconfClass");
        dependencies = List.copyOf(dependencies);
        entries = List.copyOf(entries);
        classFiles = Map.copyOf(classFiles);
    }

    /**
     * Returns the class files directory of an entry.
     *
     * @param entryDir the entry
     * @return {@code entryDir/classes}
     */
    public static Path classesOf(Path entryDir) {
        return entryDir.resolve(CLASSES);
    }

    /**
     * Writes the metadata into an entry being built.
     *
     * @param entryDir the (staging) entry directory
     * @param key the content key, recorded to detect a misplaced entry
     * @throws IOException if writing fails
     */
    public void write(Path entryDir, String key) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", ContentKey.FORMAT);
        p.setProperty("key", key);
        p.setProperty("hubconf.class", hubconfClass);
        p.setProperty("module.info", Boolean.toString(moduleInfo));
        p.setProperty("dependencies", String.join(",", dependencies));
        p.setProperty("entries", Integer.toString(entries.size()));
        for (int i = 0; i < entries.size(); i++) {
            EntryDoc e = entries.get(i);
            p.setProperty("entry." + i + ".name", e.name());
            p.setProperty("entry." + i + ".signature", e.signature());
            p.setProperty("entry." + i + ".doc", e.doc());
        }
        int i = 0;
        for (Map.Entry<String, String> f : new TreeMap<>(classFiles).entrySet()) {
            p.setProperty("file." + i++, f.getValue() + " " + f.getKey());
        }
        p.setProperty("files", Integer.toString(classFiles.size()));
        try (OutputStream out = Files.newOutputStream(entryDir.resolve(METADATA))) {
            p.store(out, "jhub compiled hub repository; do not edit");
        }
    }

    /**
     * Reads and verifies an installed entry: the metadata must be complete, name {@code key}, and every class
     * file must be present with its recorded hash.
     *
     * @param entryDir the entry directory
     * @param key the expected content key
     * @return the metadata, or empty if the entry is missing, partial or damaged
     */
    public static Optional<CompiledRepo> readVerified(Path entryDir, String key) {
        Properties p = new Properties();
        try (InputStream in = SmallFiles.newInputStream(entryDir.resolve(METADATA))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            if (!ContentKey.FORMAT.equals(p.getProperty("format")) || !key.equals(p.getProperty("key"))) {
                return Optional.empty();
            }
            List<EntryDoc> entries = new ArrayList<>();
            int n = Integer.parseInt(p.getProperty("entries"));
            for (int i = 0; i < n; i++) {
                entries.add(new EntryDoc(p.getProperty("entry." + i + ".name"),
                        p.getProperty("entry." + i + ".signature"), p.getProperty("entry." + i + ".doc")));
            }
            Map<String, String> files = new TreeMap<>();
            int count = Integer.parseInt(p.getProperty("files"));
            Path classes = classesOf(entryDir);
            for (int i = 0; i < count; i++) {
                String line = p.getProperty("file." + i);
                int space = line.indexOf(' ');
                String hash = line.substring(0, space);
                String rel = line.substring(space + 1);
                if (!hash.equals(FileHashes.crc32(classes.resolve(rel)))) {
                    return Optional.empty();
                }
                files.put(rel, hash);
            }
            String deps = p.getProperty("dependencies");
            CompiledRepo repo = new CompiledRepo(p.getProperty("hubconf.class"),
                    Boolean.parseBoolean(p.getProperty("module.info")),
                    deps.isEmpty() ? List.of() : List.of(deps.split(",")), entries, files);
            String hubconfFile = repo.hubconfClass().replace('.', '/') + ".class";
            return files.containsKey(hubconfFile) ? Optional.of(repo) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged: the caller rebuilds it
        }
    }
}
