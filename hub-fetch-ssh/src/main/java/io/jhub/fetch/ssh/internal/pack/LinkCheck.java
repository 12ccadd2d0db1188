package io.jhub.fetch.ssh.internal.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a symbolic link stays inside the tree. Checked lexically from the link's directory; a
 * {@code ..} right after a component that is itself a link in the tree is refused, because the operating system
 * would apply it to that link's target rather than lexically. With every link checked this way, no chain of links
 * can lead outside.
 */
public final class LinkCheck {
    private LinkCheck() {
    }

    /**
     * Tells whether a link is safe.
     *
     * @param linkPath the link's path in the tree, {@code /}-separated
     * @param target the link's target as stored
     * @param links the paths of all links in the tree
     * @return true if the target resolves inside the tree
     */
    public static boolean staysInside(String linkPath, String target, Set<String> links) {
        if (target.isEmpty() || target.startsWith("/") || target.indexOf('\0') >= 0 || target.indexOf('\\') >= 0
                || (target.length() >= 2 && target.charAt(1) == ':')) {
            return false;
        }
        List<String> cur = new ArrayList<>(List.of(linkPath.split("/")));
        cur.remove(cur.size() - 1);
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (cur.isEmpty() || links.contains(String.join("/", cur))) {
                    return false;
                }
                cur.remove(cur.size() - 1);
            } else {
                cur.add(part);
            }
        }
        return true;
    }
}
