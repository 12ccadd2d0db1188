package io.jhub.core.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree hash as the README defines it, the stamp's cheap check, and the files it names. */
class TreeStampTest {
    @TempDir
    Path tmp;

    static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTreeHashFollowsItsDefinition() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("t"));
        Files.createDirectories(tree.resolve("b/empty"));
        Files.writeString(tree.resolve("b/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tree.resolve("b/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tree.resolve("a.txt"), "hello\n");
        Files.createSymbolicLink(tree.resolve("link"), Path.of("a.txt"));
        Files.writeString(tree.resolve("b/100%\nx"), "odd\n");
        String lines = "100644 " + sha("hello\n") + " a.txt\n"
                + "100644 " + sha("odd\n") + " b/100%25%0Ax\n"
                + "100755 " + sha("#!/bin/sh\n") + " b/run.sh\n"
                + "120000 " + sha("a.txt") + " link\n";
        TreeStamp stamp = TreeStamp.scan(tree);
        assertEquals("sha256:" + sha(lines), stamp.digest());
        StampFiles.write(tree, stamp);
        assertEquals(stamp, StampFiles.read(tree).orElseThrow());
        assertTrue(stamp.unchanged(tree));
    }

    @Test
    void aTouchedResizedOrAddedFileInvalidatesTheStampAndIsNamed() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("t"));
        Files.writeString(tree.resolve("a.txt"), "hello\n");
        Files.writeString(tree.resolve("b.txt"), "b\n");
        TreeStamp stamp = TreeStamp.scan(tree);
        Files.setLastModifiedTime(tree.resolve("a.txt"), FileTime.fromMillis(1_000_000));
        assertFalse(stamp.unchanged(tree), "mtime changed");
        assertEquals(stamp.digest(), TreeStamp.scan(tree).digest(), "same content, same hash");
        Files.writeString(tree.resolve("a.txt"), "HELLO\n");
        Files.delete(tree.resolve("b.txt"));
        Files.writeString(tree.resolve("c.txt"), "new\n");
        List<String> diff = stamp.differences(TreeStamp.scan(tree));
        assertEquals(3, diff.size(), diff.toString());
        assertTrue(diff.get(0).startsWith("a.txt: content or mode changed"), diff.toString());
        assertEquals("b.txt: missing", diff.get(1));
        assertEquals("c.txt: added after install", diff.get(2));
    }
}
