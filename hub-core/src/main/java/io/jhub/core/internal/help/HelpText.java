package io.jhub.core.internal.help;

import io.jhub.core.internal.compile.EntryDoc;
import io.jhub.core.internal.help.DocFragment.Block;
import io.jhub.core.internal.help.DocFragment.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out an entry's help as plain text: each overload's signature, then its Javadoc indented beneath it, first
 * sentence, body, and the block tags as lists ({@code Parameters:}, {@code Returns:}, {@code Throws:}, then any
 * other tag under its own heading). Text is wrapped at {@value #WIDTH} columns.
 */
public final class HelpText {
    /** Line width the text is wrapped to. */
    static final int WIDTH = 80;
    private static final String INDENT = "    ";
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s)");
    private static final Map<String, String> HEADINGS = Map.of("param", "Parameters:", "return", "Returns:",
            "throws", "Throws:", "see", "See also:", "since", "Since:", "deprecated", "Deprecated:",
            "apiNote", "API note:", "implNote", "Implementation note:", "author", "Author:", "version", "Version:");

    private HelpText() {
    }

    /**
     * Renders the help of one entry.
     *
     * @param overloads the entry's overloads in source order
     * @return each signature with its documentation, overloads separated by a blank line
     */
    public static String of(List<EntryDoc> overloads) {
        List<String> parts = new ArrayList<>();
        for (EntryDoc d : overloads) {
            parts.add(render(d.signature(), d.doc()));
        }
        return String.join("\n\n", parts);
    }

    /**
     * Renders one signature and its Javadoc.
     *
     * @param signature the method as source text
     * @param javadoc the comment's text without {@code /**}, {@code *} margins and {@code *}{@code /}
     * @return the help text, without a trailing line break
     */
    static String render(String signature, String javadoc) {
        List<String> out = new ArrayList<>();
        out.add(signature);
        if (javadoc.isBlank()) {
            out.add(INDENT + "(no documentation)");
            return String.join("\n", out);
        }
        StringBuilder main = new StringBuilder();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        split(javadoc, main, tags);
        List<Block> blocks = firstSentenceApart(DocFragment.blocks(main.toString()));
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i > 0 && !(b.kind() == Kind.ITEM && blocks.get(i - 1).kind() == Kind.ITEM)) {
                out.add("");
            }
            switch (b.kind()) {
                case PRE -> b.text().lines().forEach(l -> out.add((INDENT + INDENT + l).stripTrailing()));
                case ITEM -> out.addAll(wrap("- " + b.text(), INDENT, INDENT + "  "));
                default -> out.addAll(wrap(b.text(), INDENT, INDENT));
            }
        }
        boolean first = true;
        for (Map.Entry<String, List<String>> tag : tags.entrySet()) {
            if (first && !blocks.isEmpty()) {
                out.add("");
            }
            first = false;
            out.add(INDENT + HEADINGS.getOrDefault(tag.getKey(), "@" + tag.getKey() + ":"));
            for (String item : tag.getValue()) {
                out.addAll(wrap(item, INDENT + "  ", INDENT + "    "));
            }
        }
        return String.join("\n", out);
    }

    /** Separates the main description from the block tags; a line starting with {@code @} inside {@code <pre>} is text. */
    private static void split(String javadoc, StringBuilder main, Map<String, List<String>> tags) {
        StringBuilder current = main;
        String currentTag = null;
        int pre = 0;
        for (String line : javadoc.split("\n", -1)) {
            String s = line.strip();
            if (pre == 0 && s.length() > 1 && s.charAt(0) == '@' && Character.isLetter(s.charAt(1))) {
                flush(currentTag, current, tags);
                String[] nameAndText = s.substring(1).split("\\s+", 2);
                currentTag = nameAndText[0].equals("exception") ? "throws" : nameAndText[0];
                current = new StringBuilder(nameAndText.length > 1 ? nameAndText[1] : "");
            } else {
                current.append(current.length() == 0 ? "" : "\n").append(line);
            }
            pre += count(line, "<pre") - count(line, "</pre>");
            pre = Math.max(0, pre);
        }
        flush(currentTag, current, tags);
    }

    private static void flush(String tag, StringBuilder text, Map<String, List<String>> tags) {
        if (tag == null) {
            return;
        }
        String rendered = String.join(" ", DocFragment.blocks(text.toString()).stream().map(Block::text).toList());
        if (tag.equals("see") && !rendered.startsWith("\"") && !text.toString().strip().startsWith("<")) {
            rendered = DocFragment.reference(rendered);
        }
        if (tag.equals("param") || tag.equals("throws")) {
            String[] nameAndText = rendered.split("\\s+", 2);
            rendered = nameAndText[0] + (nameAndText.length > 1 ? " - " + nameAndText[1] : "");
        }
        tags.computeIfAbsent(tag, k -> new ArrayList<>()).add(rendered);
    }

    private static List<Block> firstSentenceApart(List<Block> blocks) {
        if (blocks.isEmpty() || blocks.get(0).kind() != Kind.PARAGRAPH) {
            return blocks;
        }
        String text = blocks.get(0).text();
        Matcher m = SENTENCE_END.matcher(text);
        if (!m.find()) {
            return blocks;
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block(Kind.PARAGRAPH, text.substring(0, m.end())));
        String rest = text.substring(m.end()).strip();
        if (!rest.isEmpty()) {
            out.add(new Block(Kind.PARAGRAPH, rest));
        }
        out.addAll(blocks.subList(1, blocks.size()));
        return out;
    }

    private static List<String> wrap(String text, String firstIndent, String nextIndent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstIndent);
        int lineStart = firstIndent.length();
        for (String word : text.split(" ")) {
            if (line.length() > lineStart && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(nextIndent);
                lineStart = nextIndent.length();
            }
            line.append(line.length() > lineStart ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
