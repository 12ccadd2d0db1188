package io.jhub.cli.internal;

import io.jhub.core.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: the command, its positional words, and the options. Options come from the table in
 * {@link Options}; an unknown one, a flag given a value, or a missing value is a {@link UsageException} with the
 * nearest known option.
 *
 * @param command the command's name as {@link Commands} knows it ({@code list}, {@code trust ls}), or "" for none
 * @param words the positional words after it
 * @param options single-valued options by name (without the leading dashes)
 * @param flags boolean options that were given
 * @param namedArgs {@code --arg name=value} pairs, in order
 * @param settings {@code --set key=value} pairs, in order
 */
public record CliArgs(String command, List<String> words, Map<String, String> options, Set<String> flags,
        Map<String, String> namedArgs, Map<String, String> settings) {

    /**
     * Returns the name of every option the parser accepts, without the leading dashes.
     *
     * @return the names from the option table
     */
    static Set<String> optionNames() {
        Set<String> all = new java.util.TreeSet<>();
        Options.all().forEach(o -> all.add(o.name()));
        return all;
    }

    /**
     * Parses the arguments of {@code jhub}: options anywhere, {@code --} ends them; {@code -h}, {@code -q} and
     * {@code -V} are the short forms. A word starting with {@code -} and a digit (a negative number) is a word.
     *
     * @param args the raw arguments
     * @return the parsed form; {@link #command()} is "" when the words name no command
     * @throws UsageException for an unknown option, a missing value, or a malformed pair
     */
    public static CliArgs parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        boolean onlyWords = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (onlyWords || !a.startsWith("-") || a.equals("-") || Character.isDigit(a.charAt(1))
                    || a.charAt(1) == '.') {
                words.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyWords = true;
                continue;
            }
            String name;
            String inline = null;
            Option o;
            if (a.startsWith("--")) {
                name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                o = Options.byName(name).orElse(null);
                if (o == null) {
                    throw new UsageException("unknown option --" + name + Suggestions.nearest(name, optionNames())
                            .map(s -> "; did you mean --" + s + "?").orElse("") + " (see jhub --help)");
                }
            } else {
                o = a.length() == 2 ? Options.byShortName(a.charAt(1)).orElse(null) : null;
                if (o == null) {
                    throw new UsageException("unknown option " + a + " (short options are -h, -q and -V; see jhub"
                            + " --help)");
                }
                name = o.name();
            }
            if (o.isFlag()) {
                if (inline != null) {
                    throw new UsageException("option --" + name + " takes no value, got \"" + inline + "\"");
                }
                flags.add(name);
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option --" + name + " needs a value (" + o.value() + ")");
                }
                value = args[++i];
            }
            if (Options.isPairs(name)) {
                int sep = value.indexOf('=');
                if (sep <= 0) {
                    throw new UsageException("--" + name + " takes " + o.value() + ", got \"" + value + "\"");
                }
                (name.equals("arg") ? named : settings).put(value.substring(0, sep), value.substring(sep + 1));
            } else if (value.isBlank()) {
                throw new UsageException("option --" + name + " needs a value, got an empty one");
            } else if (Options.isRepeatable(name)) {
                options.merge(name, value, (was, more) -> was + "\n" + more);
            } else {
                options.put(name, value);
            }
        }
        Optional<Command> matched = Commands.match(words);
        String command = matched.isPresent() ? matched.get().spec().name() : "";
        int used = command.isEmpty() ? 0 : command.split(" ").length;
        return new CliArgs(command, List.copyOf(words.subList(used, words.size())), Map.copyOf(options),
                Set.copyOf(flags), named, settings);
    }

    /**
     * Returns an option's value.
     *
     * @param name the option name without dashes
     * @return its value, if given
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * Returns every value of a repeatable option, in the order given.
     *
     * @param name the option name without dashes
     * @return the values, empty if not given
     */
    public List<String> all(String name) {
        String joined = options.get(name);
        return joined == null ? List.of() : List.of(joined.split("\n"));
    }

    /**
     * Tells whether a flag was given.
     *
     * @param name the flag name without dashes
     * @return true if given
     */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * Returns the positional word at an index, or fails with a usage message.
     *
     * @param index the index among the words after the command
     * @param what what the word is, for the message
     * @return the word
     */
    public String word(int index, String what) {
        if (index >= words.size()) {
            throw new UsageException(command + " needs " + what + " (see jhub " + command + " --help)");
        }
        return words.get(index);
    }

    /** Every option given, flags and valued ones, by name. */
    Set<String> given() {
        Set<String> all = new LinkedHashSet<>(flags);
        all.addAll(options.keySet());
        if (!namedArgs.isEmpty()) {
            all.add("arg");
        }
        if (!settings.isEmpty()) {
            all.add("set");
        }
        return all;
    }
}
