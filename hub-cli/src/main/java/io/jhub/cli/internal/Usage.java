package io.jhub.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the usage texts from the command registry and the option table, as text or as JSON values. */
final class Usage {
    private static final int COMMAND_COLUMN = 44;
    private static final int OPTION_COLUMN = 24;

    private Usage() {
    }

    /** {@code jhub --help}: every command and the options every command takes. */
    static String global() {
        StringBuilder b = new StringBuilder("usage: jhub <command> [arguments] [options]\n\ncommands:\n");
        for (Command c : Commands.ALL) {
            Command.Spec s = c.spec();
            b.append(column("  " + synopsis(s), COMMAND_COLUMN, s.summary()));
        }
        b.append("""

                <repo> is owner/name[:ref], https://host[:port]/owner/name[.git][/tree/REF], git@host:owner/name.git
                or ssh://[user@]host[:port]/owner/name.git; a <repo-or-dir> naming an existing directory is a local
                repository.

                options of every command:
                """);
        for (String name : Options.GLOBAL) {
            b.append(option(name));
        }
        b.append(option("version"));
        b.append("\nRun jhub <command> --help for the options of a command.\n");
        return b.toString();
    }

    /** {@code jhub <command> --help}: the command's synopsis, description and every option it takes. */
    static String of(Command.Spec s) {
        StringBuilder b = new StringBuilder("usage: jhub ").append(synopsis(s)).append(" [options]\n\n")
                .append(Character.toUpperCase(s.summary().charAt(0))).append(s.summary().substring(1)).append(".\n");
        if (!s.details().isEmpty()) {
            b.append('\n').append(wrap(s.details().strip(), 100));
        }
        b.append("\noptions:\n");
        for (String name : s.options()) {
            b.append(option(name));
        }
        for (String name : Options.GLOBAL) {
            b.append(option(name));
        }
        return b.toString();
    }

    /** The usage of a command group such as {@code cache}: its subcommands. */
    static String group(String group, List<Command> members) {
        StringBuilder b = new StringBuilder("usage: jhub " + group + " <subcommand> ...\n\nsubcommands:\n");
        for (Command c : members) {
            b.append(column("  " + synopsis(c.spec()), COMMAND_COLUMN, c.spec().summary()));
        }
        b.append("\nRun jhub ").append(group).append(" <subcommand> --help for its options.\n");
        return b.toString();
    }

    /** The usage as a JSON value: every command with its options. */
    static Map<String, Object> json() {
        List<Object> commands = new ArrayList<>();
        for (Command c : Commands.ALL) {
            Command.Spec s = c.spec();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("arguments", s.args());
            m.put("summary", s.summary());
            List<Object> options = new ArrayList<>();
            for (String name : Options.concat(s.options(), Options.GLOBAL)) {
                options.add(optionJson(Options.byName(name).orElseThrow()));
            }
            m.put("options", options);
            commands.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("usage", "jhub <command> [arguments] [options]");
        out.put("commands", commands);
        return out;
    }

    private static Map<String, Object> optionJson(Option o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "--" + o.name());
        m.put("short", o.shortName() == 0 ? null : "-" + o.shortName());
        m.put("value", o.isFlag() ? null : o.value());
        m.put("help", o.help());
        return m;
    }

    /** Wraps each paragraph (separated by a blank line) at {@code width} columns. */
    static String wrap(String text, int width) {
        StringBuilder b = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (b.length() > 0) {
                b.append('\n');
            }
            int col = 0;
            for (String word : paragraph.strip().split("\\s+")) {
                if (col > 0 && col + 1 + word.length() > width) {
                    b.append('\n');
                    col = 0;
                } else if (col > 0) {
                    b.append(' ');
                    col++;
                }
                b.append(word);
                col += word.length();
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String synopsis(Command.Spec s) {
        return s.name() + (s.args().isEmpty() ? "" : " " + s.args());
    }

    private static String option(String name) {
        Option o = Options.byName(name).orElseThrow(() -> new IllegalStateException("no option " + name));
        return column("  " + o.label(), OPTION_COLUMN, o.help());
    }

    private static String column(String left, int width, String right) {
        return left.length() + 2 > width ? left + "\n" + " ".repeat(width) + right + "\n"
                : left + " ".repeat(width - left.length()) + right + "\n";
    }
}
