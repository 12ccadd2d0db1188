package io.jhub.core.internal.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a piece of Javadoc (the main description, or the text of one block tag) into plain blocks: paragraphs
 * with their line breaks folded, list items, and preformatted text. Inline tags become their text
 * ({@code {@code x}} is {@code x}, {@code {@link Type#member label}} is {@code label}, without a label
 * {@code Type.member}), HTML paragraphs and lists become blocks, other HTML tags are dropped and entities decoded.
 */
final class DocFragment {
    /** How a block is laid out. */
    enum Kind { PARAGRAPH, ITEM, PRE }

    /** One block of text; a paragraph or item is one line of words, a preformatted block keeps its lines. */
    record Block(Kind kind, String text) {
    }

    private static final Map<String, String> ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"",
            "apos", "'", "nbsp", " ", "ndash", "\u2013", "mdash", "\u2014");

    private final String text;
    private final List<Block> blocks = new ArrayList<>();
    private StringBuilder current = new StringBuilder();
    private Kind kind = Kind.PARAGRAPH;
    private int pos;

    private DocFragment(String text) {
        this.text = text;
    }

    /**
     * Renders a fragment.
     *
     * @param javadoc the fragment's text, lines joined with {@code \n}
     * @return its blocks, none empty
     */
    static List<Block> blocks(String javadoc) {
        DocFragment f = new DocFragment(javadoc);
        f.run();
        return f.blocks;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '{' && text.startsWith("{@", pos)) {
                current.append(inlineTag());
            } else if (c == '<' && isTagStart(pos + 1)) {
                htmlTag();
            } else if (c == '&') {
                current.append(entity());
            } else if (c == '\n' && kind == Kind.PRE) {
                current.append(c);
                pos++;
            } else if (c == '\n') {
                int next = text.indexOf('\n', pos + 1);
                boolean blankLine = next > 0 && text.substring(pos + 1, next).isBlank();
                if (blankLine) {
                    endBlock(Kind.PARAGRAPH);
                    pos = next;
                } else {
                    current.append(' ');
                }
                pos++;
            } else {
                current.append(c);
                pos++;
            }
        }
        endBlock(Kind.PARAGRAPH);
    }

    private void endBlock(Kind next) {
        String t = kind == Kind.PRE ? current.toString().replaceFirst("^\\s*\n", "").stripTrailing().stripIndent()
                : current.toString().replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) {
            blocks.add(new Block(kind, t));
        }
        current = new StringBuilder();
        kind = next;
    }

    private boolean isTagStart(int i) {
        return i < text.length() && (Character.isLetter(text.charAt(i))
                || text.charAt(i) == '/' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)));
    }

    private void htmlTag() {
        int end = text.indexOf('>', pos);
        if (end < 0) {
            current.append(text.charAt(pos++));
            return;
        }
        String inside = text.substring(pos + 1, end).strip().toLowerCase(Locale.ROOT);
        pos = end + 1;
        boolean closing = inside.startsWith("/");
        String tag = inside.substring(closing ? 1 : 0).split("[\\s/]", 2)[0];
        if (kind == Kind.PRE && !tag.equals("pre")) {
            return;
        }
        switch (tag) {
            case "p", "ul", "ol", "dl", "blockquote", "table" -> endBlock(Kind.PARAGRAPH);
            case "li", "dt", "dd" -> endBlock(closing ? Kind.PARAGRAPH : Kind.ITEM);
            case "br" -> current.append(' ');
            case "pre" -> endBlock(closing ? Kind.PARAGRAPH : Kind.PRE);
            default -> { } // inline markup such as <b>, <em>, <code>, <a href=...>: its text stays
        }
    }

    private String inlineTag() {
        int depth = 0;
        int i = pos;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                break;
            }
        }
        String inside = text.substring(pos + 2, Math.min(i, text.length()));
        pos = Math.min(i + 1, text.length());
        String[] nameAndBody = inside.split("\\s", 2);
        String name = nameAndBody[0];
        String body = nameAndBody.length > 1 ? nameAndBody[1].strip() : "";
        return switch (name) {
            case "code", "literal" -> nameAndBody.length > 1 ? nameAndBody[1] : "";
            case "link", "linkplain" -> reference(body);
            case "inheritDoc", "docRoot" -> "";
            default -> body; // value, summary, index, systemProperty and unknown tags: their text
        };
    }

    /**
     * Renders a reference as {@code @link} and {@code @see} take it: the label if there is one, else the
     * reference with {@code #} as {@code .} (dropped when leading).
     *
     * @param body the reference and optional label
     * @return the text to show
     */
    static String reference(String body) {
        int paren = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            paren += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (paren == 0 && Character.isWhitespace(c)) {
                return body.substring(i).strip(); // the label
            }
        }
        return body.startsWith("#") ? body.substring(1) : body.replace('#', '.');
    }

    private String entity() {
        int semi = text.indexOf(';', pos);
        if (semi < 0 || semi - pos > 10) {
            pos++;
            return "&";
        }
        String name = text.substring(pos + 1, semi);
        String value = ENTITIES.get(name);
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                value = Character.toString(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                value = Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            value = null;
        }
        if (value == null) {
            pos++;
            return "&";
        }
        pos = semi + 1;
        return value;
    }
}
