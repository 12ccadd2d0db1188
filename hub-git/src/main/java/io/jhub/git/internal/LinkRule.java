package io.jhub.git.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for symbolic links, whatever the protocol. A link's target is resolved lexically from the link's
 * directory, and refused when it is empty, absolute, longer than {@link LinkPlan#MAX_TARGET} bytes, holds a
 * backslash, a control character or a drive prefix, climbs above the tree's root, or applies {@code ..} to a
 * path that goes through a link of the tree (the operating system would apply it to that link's target, not
 * lexically). A link that resolves to itself, directly or through other links, is refused as a loop. With every
 * link checked so, no chain of links leads outside the tree: after the first link on a resolved path only plain
 * names follow, and that link itself resolves inside.
 */
final class LinkRule {
    private final Map<String, String> links;

    LinkRule(Map<String, String> links) {
        this.links = links;
    }

    /** Checks the text alone: what can be refused without knowing the other links. */
    static void checkText(String rel, String target) {
        if (target.isEmpty()) {
            throw LinkPlan.refused(rel, target, "has an empty target");
        }
        if (target.length() > LinkPlan.MAX_TARGET / 3 && target.getBytes(StandardCharsets.UTF_8).length > LinkPlan.MAX_TARGET) {
            throw LinkPlan.refused(rel, target.substring(0, 64), "has a target longer than " + LinkPlan.MAX_TARGET
                    + " bytes");
        }
        if (target.startsWith("/")) {
            throw LinkPlan.refused(rel, target, "has an absolute target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw LinkPlan.refused(rel, target, "has a target holding a " + (c == '\\' ? "backslash"
                        : "control character"));
            }
            boolean nameStart = i == 0 || target.charAt(i - 1) == '/';
            if (nameStart && i + 1 < target.length() && target.charAt(i + 1) == ':' && Character.isLetter(c)) {
                throw LinkPlan.refused(rel, target, "has a target with the drive prefix \"" + c + ":\"");
            }
        }
    }

    /** Checks one link against all others. */
    void check(String rel) {
        List<String> at = resolve(rel);
        Set<String> seen = new HashSet<>();
        seen.add(rel);
        for (int hops = 0; ; hops++) {
            int hit = firstLinkPrefix(at);
            if (hit < 0) {
                return;
            }
            String through = String.join("/", at.subList(0, hit));
            if (!seen.add(through)) {
                throw LinkPlan.refused(rel, links.get(rel), hops == 0 && through.equals(rel) ? "points to itself"
                        : "is part of a loop of links through \"" + through + "\"");
            }
            List<String> next = resolve(through);
            next.addAll(at.subList(hit, at.size()));
            at = next;
        }
    }

    /** The lexical path a link names, as components below the root; refuses an escape or a {@code ..} after a link. */
    private List<String> resolve(String rel) {
        String target = links.get(rel);
        List<String> at = new ArrayList<>(List.of(rel.split("/")));
        at.remove(at.size() - 1);
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!part.equals("..")) {
                at.add(part);
            } else if (at.isEmpty()) {
                throw LinkPlan.refused(rel, target, "leads outside the tree");
            } else {
                int hit = firstLinkPrefix(at);
                if (hit >= 0) {
                    throw LinkPlan.refused(rel, target, "applies \"..\" right after \""
                            + String.join("/", at.subList(0, hit)) + "\", itself a link, where the system would"
                            + " climb from that link's target rather than lexically");
                }
                at.remove(at.size() - 1);
            }
        }
        return at;
    }

    /** The length of the shortest prefix of {@code at} that is a link, or -1. */
    private int firstLinkPrefix(List<String> at) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < at.size(); i++) {
            if (i > 0) {
                p.append('/');
            }
            p.append(at.get(i));
            if (links.containsKey(p.toString())) {
                return i + 1;
            }
        }
        return -1;
    }
}
