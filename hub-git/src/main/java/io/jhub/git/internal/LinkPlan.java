package io.jhub.git.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreePaths;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The symbolic links of one tree. They are only recorded while entries are written, and created by
 * {@link #createAll} once every file is on disk, so nothing is ever written through one. Before any is created,
 * each must pass {@link LinkRule}, whose lexical check needs every link of the tree.
 */
public final class LinkPlan {
    /** The longest link target accepted, in bytes. */
    public static final int MAX_TARGET = 4096;

    private final Map<String, String> links = new LinkedHashMap<>();

    /** Creates an empty plan. */
    public LinkPlan() {
    }

    /**
     * Records a link after checking the form of its target text.
     *
     * @param rel the link's path, already recorded in the tree's index
     * @param target the link text
     * @throws UnsafeArchiveException if the text is empty, absolute, too long or malformed
     */
    public void add(String rel, String target) {
        LinkRule.checkText(rel, target);
        links.put(rel, target);
    }

    /**
     * Checks every link against {@link LinkRule}, then creates them all below {@code root}.
     *
     * @param root the tree's root
     * @throws UnsafeArchiveException if a link leads out of the tree, loops, or collides with an entry
     * @throws IOException on a write failure
     */
    public void createAll(Path root) throws IOException {
        LinkRule rule = new LinkRule(links);
        for (String rel : links.keySet()) {
            rule.check(rel);
        }
        for (Map.Entry<String, String> link : links.entrySet()) {
            Path at = root.resolve(link.getKey());
            try {
                FileOutput.createDirectories(at.getParent(), link.getKey());
                Files.createSymbolicLink(at, at.getFileSystem().getPath(link.getValue()));
            } catch (FileAlreadyExistsException | NotDirectoryException e) {
                throw FileOutput.conflict(link.getKey());
            }
        }
    }

    /**
     * Refusal of a link, naming it and its target.
     *
     * @param rel the link
     * @param target its text
     * @param why the rule it breaks
     * @return the exception to throw
     */
    static UnsafeArchiveException refused(String rel, String target, String why) {
        return new UnsafeArchiveException("Refusing the tree: the symbolic link \"" + TreePaths.printable(rel)
                + "\" -> \"" + TreePaths.printable(target) + "\" " + why + ". jhub only writes relative links that"
                + " stay inside the tree, over every protocol; ask the repository's owner to fix the link.");
    }
}
