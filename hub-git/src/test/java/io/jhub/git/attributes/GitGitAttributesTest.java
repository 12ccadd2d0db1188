package io.jhub.git.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * git/git's own {@code .gitattributes} files (root, {@code t/}, {@code git-gui/}, {@code contrib/completion/},
 * {@code po/}) over a file set shaped like git/git's: its three {@code compat/vcbuild/*.bat} files are the ones an
 * archive converts (to CRLF), which a tree built from objects without the filter got wrong.
 */
class GitGitAttributesTest {
    private static final String ROOT = String.join("\n",
            "* whitespace=trail,space",
            "*.[ch] whitespace=indent,trail,space,incomplete diff=cpp",
            "*.sh whitespace=indent,trail,space,incomplete text eol=lf",
            "*.perl text eol=lf diff=perl",
            "*.pl text eol=lf diff=perl",
            "*.pm text eol=lf diff=perl",
            "*.py text eol=lf diff=python",
            "*.bat text eol=crlf",
            "CODE_OF_CONDUCT.md -whitespace",
            "/Documentation/**/*.adoc text eol=lf whitespace=trail,space,incomplete",
            "/command-list.txt text eol=lf",
            "/GIT-VERSION-GEN text eol=lf",
            "/mergetools/* text eol=lf",
            "/t/oid-info/* text eol=lf",
            "/Documentation/git-merge.adoc conflict-marker-size=32",
            "/Documentation/gitk.adoc conflict-marker-size=32",
            "/t/t????-*.sh conflict-marker-size=32",
            "/t/unit-tests/clar/test/expected/* whitespace=-blank-at-eof",
            "/templates/hooks/*.sample whitespace=indent,trail,space,incomplete text eol=lf",
            "");
    private static final String T = String.join("\n",
            "t[0-9][0-9][0-9][0-9]/* -whitespace",
            "/chainlint/*.expect eol=lf -whitespace",
            "/t0110/url-* binary",
            "/t3206/* eol=lf",
            "/t4034/*/* eol=lf",
            "/t9*/*.dump eol=lf",
            "/t0040*.sh whitespace=-indent-with-non-tab",
            "");
    private static final String GIT_GUI = String.join("\n",
            "*           whitespace=indent-with-non-tab,trailing-space,space-before-tab,tabwidth=4",
            "*           encoding=US-ASCII",
            "git-gui.sh  encoding=UTF-8",
            "*.po        encoding=UTF-8",
            "/GIT-VERSION-GEN eol=lf",
            "");

    @TempDir
    Path dir;

    @Test
    void gitGitFileSetMatchesGitArchive() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", ROOT).write("t/.gitattributes", T).write("git-gui/.gitattributes", GIT_GUI)
                .write("contrib/completion/.gitattributes", "*.bash eol=lf\n")
                .write("po/.gitattributes", "*.po\tfilter=gettext-no-location\nel.po\t-filter\n")
                .write("t/t9601/cvsroot/.gitattributes", "* -whitespace\n");
        String lf = "@echo off\nrem line\n";
        r.write("compat/vcbuild/find_vs_env.bat", lf).write("compat/vcbuild/vcpkg_copy_dlls.bat", lf)
                .write("compat/vcbuild/vcpkg_install.bat", "already\r\nmixed\n");
        r.write("GIT-VERSION-GEN", "#!/bin/sh\n").write("git.c", "int main(void)\r\n{\n}\n")
                .write("t/t0000-basic.sh", "test\r\n").write("t/t0110/url-1", "a\r\nb\n")
                .write("t/t3206/x", "a\nb\r\n").write("t/t4034/a/b", "x\n").write("t/t9601/cvsroot/x", "y\r\n")
                .write("Documentation/git-merge.adoc", "= git-merge\n").write("Documentation/a/b.adoc", "x\r\n")
                .write("mergetools/vimdiff", "x\n").write("templates/hooks/pre-commit.sample", "x\r\n")
                .write("git-gui/git-gui.sh", "x\n").write("git-gui/po/de.po", "msgid\n")
                .write("contrib/completion/git-completion.bash", "x\r\n").write("po/de.po", "#: a.c:1\n")
                .write("perl/Git.pm", "1;\n").write("README.md", "readme\n");
        String commit = r.commit("a commit shaped like git/git");
        Map<String, String> archive = TarEntries.read(r.gitBytes(null, "archive", "--format=tar", commit));
        Map<String, String> ours = TreeWalk.walk(r, commit);
        assertEquals(archive, ours);
        assertEquals("@echo off\r\nrem line\r\n", ours.get("compat/vcbuild/find_vs_env.bat"));
        assertEquals("already\r\nmixed\r\n", ours.get("compat/vcbuild/vcpkg_install.bat"));
        assertTrue(ours.containsKey("git-gui/git-gui.sh"));
    }
}
