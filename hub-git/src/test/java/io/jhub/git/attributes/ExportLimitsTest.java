package io.jhub.git.attributes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitProtocolException;
import io.jhub.api.UnsafeArchiveException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bounds, argument checks and the commit parser's errors. */
class ExportLimitsTest {
    private static final String ID = "0123456789abcdef0123456789abcdef01234567";
    private static final String TREE = "89abcdef0123456789abcdef0123456789abcdef";

    static CommitInfo commit(String message) {
        String raw = "tree " + TREE + "\nparent " + ID + "\nauthor A <a@x> 1112911993 -0700\n"
                + "committer C <c@x> 1112911993 -0700\n\n" + message;
        return CommitInfo.parse(ID, raw.getBytes(StandardCharsets.UTF_8));
    }

    private static AttributeRules rules(String attributes) {
        return AttributeRules.root(Optional.of(attributes.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anExpansionPastTheLimitIsRefusedNamingTheFileAndTheLimit() {
        ExportFilter filter = new ExportFilter(commit("x".repeat(1000)), ExportOptions.defaults(10_000));
        BlobConversion c = filter.conversion(rules("*.s export-subst\n"), "bomb.s", EntryKind.FILE, 40);
        byte[] bomb = "$Format:%B%B%B%B%B%B%B%B%B%B%B%B%B%B%B%B$".getBytes(StandardCharsets.UTF_8);
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> c.apply(bomb, ID));
        assertTrue(e.getMessage().contains("\"bomb.s\"") && e.getMessage().contains("10000 bytes"), e.getMessage());
        byte[] small = "$Format:%B$".getBytes(StandardCharsets.UTF_8);
        assertEquals(1000, c.apply(small, ID).length);
    }

    @Test
    void lineEndingAndIdentGrowthAreBoundedToo() {
        ExportFilter filter = new ExportFilter(commit("m"), ExportOptions.defaults(150));
        byte[] lines = "\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        BlobConversion eol = filter.conversion(rules("* text eol=crlf\n"), "f", EntryKind.FILE, lines.length);
        assertThrows(UnsafeArchiveException.class, () -> eol.apply(lines, ID));
        byte[] ids = "$Id$".repeat(10).getBytes(StandardCharsets.UTF_8);
        BlobConversion ident = filter.conversion(rules("* ident\n"), "f", EntryKind.FILE, ids.length);
        assertThrows(UnsafeArchiveException.class, () -> ident.apply(ids, ID));
    }

    @Test
    void anAttributesFileOfOneHundredMebibytesIsIgnoredAsGitIgnoresIt() {
        byte[] big = new byte[(int) AttributeRules.MAX_FILE_SIZE];
        Arrays.fill(big, (byte) ' ');
        byte[] rule = "* export-ignore\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(rule, 0, big, 0, rule.length);
        assertFalse(AttributeRules.root(Optional.of(big)).exportIgnored("f", EntryKind.FILE));
        byte[] justUnder = Arrays.copyOf(big, big.length - 1);
        assertTrue(AttributeRules.root(Optional.of(justUnder)).exportIgnored("f", EntryKind.FILE));
    }

    @Test
    void symlinksAndBigFilesPassUntouched() {
        ExportFilter filter = new ExportFilter(commit("m"), ExportOptions.defaults(1 << 20));
        AttributeRules r = rules("* text eol=crlf ident\n*.s export-subst\n");
        assertFalse(filter.conversion(r, "link", EntryKind.SYMLINK, 10).needsFilter());
        assertFalse(filter.conversion(r, "huge", EntryKind.FILE, ExportFilter.BIG_FILE_THRESHOLD + 1).needsFilter());
        assertTrue(filter.conversion(r, "huge.s", EntryKind.FILE, ExportFilter.BIG_FILE_THRESHOLD + 1)
                .needsFilter());
        BlobConversion none = filter.conversion(rules("*.c diff=cpp\n"), "a.c", EntryKind.FILE, 3);
        assertFalse(none.needsFilter());
        byte[] content = "a\nb".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(content, none.apply(content, ID));
    }

    @Test
    void entryNamesMustBeOneElement() {
        AttributeRules r = rules("");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.exportIgnored("a/b", EntryKind.FILE));
        assertTrue(e.getMessage().contains("\"a/b\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.descend("", Optional.empty()));
        assertEquals("a/b", r.descend("a", Optional.empty()).descend("b", Optional.empty()).directory());
    }

    @Test
    void workingTreeEncodingWithoutAValueFailsAsGitArchiveDoes() {
        ExportFilter filter = new ExportFilter(commit("m"), ExportOptions.defaults(1 << 20));
        GitProtocolException e = assertThrows(GitProtocolException.class,
                () -> filter.conversion(rules("* working-tree-encoding\n"), "f.txt", EntryKind.FILE, 3));
        assertTrue(e.getMessage().contains("\"f.txt\""), e.getMessage());
    }

    @Test
    void commitParsing() {
        CommitInfo c = commit("subject\n\nbody\n");
        assertEquals(TREE, c.tree());
        assertEquals(java.util.List.of(ID), c.parents());
        assertEquals(new Person("A", "a@x", Optional.of(1112911993L), Optional.of("-0700")), c.author().orElseThrow());
        assertEquals("subject\n\nbody\n", c.message());
        assertEquals(Optional.empty(), c.encoding());
        GitProtocolException noTree = assertThrows(GitProtocolException.class,
                () -> CommitInfo.parse(ID, "author A <a@x> 1 +0000\n\nm".getBytes(StandardCharsets.UTF_8)));
        assertTrue(noTree.getMessage().contains("\"tree\""), noTree.getMessage());
        GitProtocolException badId = assertThrows(GitProtocolException.class,
                () -> CommitInfo.parse("xyz", ("tree " + TREE + "\n\nm").getBytes(StandardCharsets.UTF_8)));
        assertTrue(badId.getMessage().contains("\"xyz\""), badId.getMessage());
        assertThrows(GitProtocolException.class,
                () -> CommitInfo.parse(ID, "tree 12\n\nm".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.defaults(0));
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.defaults(1).withAbbrevLength(3));
        assertThrows(NullPointerException.class, () -> new ExportOptions(7, 1, null));
    }
}
