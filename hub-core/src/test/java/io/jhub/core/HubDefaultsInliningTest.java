package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.HubDefaults;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a class compiled against {@link HubDefaults} reads its numeric defaults at run time, so a newer jhub's
 * defaults reach code compiled against an older one. An inlined constant leaves no reference to the field's name.
 */
class HubDefaultsInliningTest {
    @TempDir
    Path tmp;

    @Test
    void numericDefaultsAreReadAtRunTimeNotCopiedIntoCallers() throws IOException, URISyntaxException {
        Path src = Files.writeString(tmp.resolve("User.java"), """
                public class User {
                    int chunk = io.jhub.api.HubDefaults.CHUNK_SIZE;
                    int retries = io.jhub.api.HubDefaults.HTTP_RETRIES;
                    long entries = io.jhub.api.HubDefaults.MAX_ARCHIVE_ENTRIES;
                    long bytes = io.jhub.api.HubDefaults.MAX_ARCHIVE_BYTES;
                }
                """);
        String api = Path.of(HubDefaults.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-classpath", api + File.pathSeparator, "-d", tmp.toString(),
                src.toString()));
        String classFile = new String(Files.readAllBytes(tmp.resolve("User.class")), StandardCharsets.ISO_8859_1);
        for (String field : List.of("CHUNK_SIZE", "HTTP_RETRIES", "MAX_ARCHIVE_ENTRIES", "MAX_ARCHIVE_BYTES")) {
            assertTrue(classFile.contains(field), field + " was inlined into the caller's class file");
        }
    }
}
