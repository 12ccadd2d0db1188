package io.jhub.git.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jhub's tree walk with the export filter against {@code git archive --format=tar} of the same commit. */
class ExportFilterDifferentialTest {
    @TempDir
    Path dir;

    private static void assertSameAsArchive(GitRepo repo, String commit) {
        Map<String, String> archive = TarEntries.read(repo.gitBytes(null, "archive", "--format=tar", commit));
        Map<String, String> ours = TreeWalk.walk(repo, commit);
        assertEquals(archive.keySet(), ours.keySet(), "the entries");
        for (String path : archive.keySet()) {
            assertEquals(escape(archive.get(path)), escape(ours.get(path)), "content of " + path);
        }
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\0", "\\0");
    }

    @Test
    void exportIgnoreOfFilesDirectoriesAndNestedFiles() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", String.join("\n",
                "*.log export-ignore",
                "build/ export-ignore",
                "/top.txt export-ignore",
                "docs/**/secret* export-ignore",
                "\"with space.txt\" export-ignore",
                "\"bad\\q.txt\" export-ignore",
                "!neg.txt export-ignore",
                "bad.txt export-ignore in%valid",
                "[attr]drop export-ignore",
                "*.drop drop",
                "keep.log -export-ignore",
                "half/** export-ignore",
                "link export-ignore",
                "\ufeffbom.txt export-ignore",
                "*.long export-ignore" + " ".repeat(2100) + "x",
                "   # a comment",
                "", "*.c[a-c] export-ignore", "[[:digit:]]*.n export-ignore", "*.crlf export-ignore\r", ""));
        r.write("a.log", "x").write("keep.log", "x").write("sub/b.log", "x").write("build/out", "x")
                .write("sub/build/out", "x").write("top.txt", "x").write("sub/top.txt", "x")
                .write("docs/secret1", "x").write("docs/a/b/secret2", "x").write("docs/public", "x")
                .write("with space.txt", "x").write("bad\\q.txt", "x").write("neg.txt", "x").write("bad.txt", "x")
                .write("x.drop", "x").write("half/a", "x").write("half/d/b", "x").write("bom.txt", "x")
                .write("a.long", "x").write("f.cb", "x").write("f.cd", "x").write("1x.n", "x").write("x1.n", "x")
                .write("w.crlf", "x").symlink("link", "top.txt").symlink("sub/link", "../top.txt");
        r.write("sub/.gitattributes", "[attr]sub export-ignore\n*.sub sub\n*.txt export-ignore\n"
                + "inner/ export-ignore\nx.log !export-ignore\n/anch export-ignore\n");
        r.write("sub/y.sub", "x").write("sub/keep.txt", "x").write("sub/inner/z", "x").write("sub/x.log", "x")
                .write("sub/anch", "x").write("sub/deeper/anch", "x").write("sub/deeper/t.txt", "x");
        r.write("sub/deeper/.gitattributes", "t.txt -export-ignore\n");
        assertSameAsArchive(r, r.commit("ignore"));
    }

    @Test
    void endOfLineConversions() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", String.join("\n",
                "*.crlf text eol=crlf", "*.lf text eol=lf", "*.auto text=auto eol=crlf", "*.autolf text=auto",
                "*.eolonly eol=crlf", "*.bin binary eol=crlf", "*.notext -text eol=crlf", "*.input text=input eol=crlf",
                "*.legacy crlf eol=crlf", "*.legacyoff -crlf eol=crlf", "*.plain text", "link* text eol=crlf",
                "*.unspec text !eol", "*.bad text=bogus eol=crlf", "*.macro m", "[attr]m text eol=crlf", ""));
        String[] names = {"crlf", "lf", "auto", "autolf", "eolonly", "bin", "notext", "input", "legacy", "legacyoff",
            "plain", "unspec", "bad", "macro"};
        Map<String, byte[]> contents = Map.of(
                "lf", "a\nb\n".getBytes(StandardCharsets.UTF_8),
                "mixed", "a\r\nb\nc".getBytes(StandardCharsets.UTF_8),
                "lonecr", "a\rb\nc\n".getBytes(StandardCharsets.UTF_8),
                "crlf", "a\r\nb\r\n".getBytes(StandardCharsets.UTF_8),
                "nul", "a\0b\nc\n".getBytes(StandardCharsets.UTF_8),
                "ctrl", "\u0001\u0002\u0003\u0004 text\n".getBytes(StandardCharsets.UTF_8),
                "eof", "line\n\u001a".getBytes(StandardCharsets.UTF_8),
                "empty", new byte[0],
                "start", "\n\nx".getBytes(StandardCharsets.UTF_8));
        for (String n : names) {
            contents.forEach((kind, bytes) -> r.write("f-" + kind + "." + n, bytes));
        }
        r.symlink("link-target", "f-lf.crlf");
        assertSameAsArchive(r, r.commit("eol"));
    }

    @Test
    void identKeywords() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", "*.id ident\n*.both ident text eol=crlf\n*.subst ident export-subst\n");
        String text = "a $Id$ b $Id: 0123 $ c $Id: from other system $ d $Id:$ e $Id: broken\nline $ f $Id"
                + " g $Id:x$ h $I $Idx$\n$Id$";
        r.write("f.id", text).write("f.both", text).write("f.subst", "$Id$ $Format:%h$\n").write("plain", text);
        assertSameAsArchive(r, r.commit("ident"));
    }

    @Test
    void exportSubstPlaceholders() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", "*.s export-subst\n*.crlf export-subst text eol=crlf\n");
        String all = String.join("|", "%H", "%h", "%T", "%t", "%P", "%p", "%an", "%ae", "%al", "%ad", "%aD",
                "%ai", "%aI", "%as", "%at", "%ah", "%cn", "%ce", "%cl", "%cd", "%cD", "%ci", "%cI", "%cs", "%ct",
                "%ch", "%s", "%f", "%b", "%B", "%e", "%m", "%n", "%%", "%x41%x4a", "%x4", "%xzz", "%Z", "%", "%+s",
                "%-s", "% s", "%+Z", "%Cred", "%Creset", "%C(bold red)", "%Cx", "%gd", "%gs", "%gn", "%G?", "%GT",
                "%GG", "%N", "%S", "%aZ", "%a", "%ar", "%cr");
        r.write("all.s", "$Format:" + all + "$\n");
        r.write("multi.s", "x $Format:%an$$Format:%ae$ y $Format:$ z $Format:%s\n");
        r.write("lines.s", "a\n\n\n$Format:%-b$ tail\n$Format:%+b$ $Format:% b$ $Format:%-s$");
        r.write("crlf.crlf", "one\n$Format:%s$\ntwo\r\n");
        r.write("crlf.s", "one\r\n$Format:%s\r\n$\r\n");
        r.write("nul.s", "$Format:%an\0%ae$ after");
        r.write("notsubst.txt", "$Format:%H$");
        r.write("empty.s", "");
        r.commit("first");
        assertSameAsArchive(r, r.commit("  Subject: with *odd* chars...  \n  second line of subject\n\n\n"
                + "Body line 1\n\nBody line 2\n\nSigned-off-by: Someone <s@example.org>\n"));
    }

    @Test
    void sanitizedSubjectsAndMessagesWithoutBody() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", "*.s export-subst\n");
        r.write("f.s", "[$Format:%s$][$Format:%f$][$Format:%b$][$Format:%B$]\n");
        assertSameAsArchive(r, r.commit("..Fix: the  bug -- in/path.java..."));
        assertSameAsArchive(r, r.commit("only subject"));
    }

    @Test
    void workingTreeEncoding() {
        GitRepo r = new GitRepo(dir);
        for (String ext : new String[] {"l1", "u16", "u16bom", "u32", "u16lebom", "u8", "crlf", "bad", "empty"}) {
            r.write("f." + ext, ext.equals("empty") ? "" : "caf\u00e9\nline\n");
        }
        r.write("notlatin.l1", "\u20ac\n");
        r.commit("blobs in UTF-8");
        // attributes added afterwards, so that git add did not convert the blobs
        r.write(".gitattributes", "*.l1 working-tree-encoding=ISO-8859-1\n*.u16 working-tree-encoding=UTF-16LE\n"
                + "*.u16bom working-tree-encoding=UTF-16\n*.u8 working-tree-encoding=UTF-8\n"
                + "*.crlf working-tree-encoding=ISO-8859-1 text eol=crlf\n*.bad working-tree-encoding=no-such\n"
                + "*.empty working-tree-encoding=UTF-16\n*.u32 working-tree-encoding=utf-32\n"
                + "*.u16lebom working-tree-encoding=UTF-16LE-BOM\n");
        r.git("add", ".gitattributes");
        r.git("commit", "-q", "-m", "attributes");
        assertSameAsArchive(r, r.git("rev-parse", "HEAD").trim());
    }

    @Test
    void commitInAnotherEncoding() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", "*.s export-subst\n");
        r.write("f.s", "caf\u00e9 $Format:%s|%e|%an|%x41$ \u00fc $Format:%b$");
        r.write("g.s", new byte[] {'$', 'F', 'o', 'r', 'm', 'a', 't', ':', '%', 's', '$', ' ', (byte) 0xff});
        r.git("add", "-A");
        r.gitBytes(new byte[] {'L', 'a', 't', 'i', 'n', ' ', (byte) 0xe9, '\n', '\n', 'b', (byte) 0xfc, '\n'},
                "-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "-F", "-");
        assertSameAsArchive(r, r.git("rev-parse", "HEAD").trim());
    }

    @Test
    void submodulesAndAttributesFilesThatAreLinks() {
        GitRepo r = new GitRepo(dir);
        // git reads a linked .gitattributes' target text as the rules: here "*.txt export-ignore"
        r.symlink(".gitattributes", "*.txt export-ignore").write("d/x", "x").symlink("d/.gitattributes", "sub1");
        r.write("a.txt", "x").write("b.md", "x").write("d/sub1", "x");
        r.git("add", "-A");
        r.git("update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,sub1");
        r.git("update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,sub2");
        r.git("commit", "-q", "-m", "links");
        String commit = r.git("rev-parse", "HEAD").trim();
        assertSameAsArchive(r, commit);
        assertEquals(java.util.Set.of(".gitattributes", "b.md", "d/", "d/.gitattributes", "d/sub1", "d/x", "sub1/",
                "sub2/"), TreeWalk.walk(r, commit).keySet());
    }
}
