package io.jhub.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: the command, its positional words, and the options.
 *
 * @param command the first word (list, help, load, ...)
 * @param words the positional words after it
 * @param options single-valued options by name (without the leading dashes)
 * @param flags boolean options that were given
 * @param namedArgs {@code --arg name=value} pairs, in order
 * @param settings {@code --set key=value} pairs, in order
 */
public record CliArgs(String command, List<String> words, Map<String, String> options, Set<String> flags,
        Map<String, String> namedArgs, Map<String, String> settings) {

    private static final Set<String> VALUED = Set.of("host", "protocol", "commit", "cache-dir", "hubconf",
            "sha256", "file-name", "connections", "lockfile", "refresh", "weights");
    private static final Set<String> FLAGS = Set.of("no-cache", "offline", "trust", "verbose", "quiet", "help",
            "allow-http", "skip-validation", "locked");

    /**
     * Returns the name of every option the parser accepts, without the leading dashes.
     *
     * @return the valued options, the flags, {@code arg} and {@code set}
     */
    static Set<String> optionNames() {
        Set<String> all = new java.util.TreeSet<>(VALUED);
        all.addAll(FLAGS);
        all.add("arg");
        all.add("set");
        return all;
    }

    /**
     * Parses the arguments of {@code jhub}.
     *
     * @param args the raw arguments
     * @return the parsed form
     * @throws UsageException for an unknown option, a missing value, or no command
     */
    public static CliArgs parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new java.util.LinkedHashSet<>();
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        boolean onlyWords = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (onlyWords || !a.startsWith("--")) {
                words.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyWords = true;
                continue;
            }
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name) && inline == null) {
                flags.add(name);
            } else if (VALUED.contains(name) || name.equals("arg") || name.equals("set")) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (name.equals("arg") || name.equals("set")) {
                    int sep = value.indexOf('=');
                    if (sep <= 0) {
                        throw new UsageException("--" + name + " takes name=value, got \"" + value + "\"");
                    }
                    (name.equals("arg") ? named : settings).put(value.substring(0, sep), value.substring(sep + 1));
                } else if (value.isBlank()) {
                    throw new UsageException("option --" + name + " needs a value, got an empty one");
                } else if (name.equals("weights")) {
                    options.merge(name, value, (was, more) -> was + "\n" + more); // repeatable; LockCommand splits it
                } else {
                    options.put(name, value);
                }
            } else {
                throw new UsageException("unknown option --" + name + " (see jhub --help)");
            }
        }
        String command = words.isEmpty() ? (flags.contains("help") ? "help-usage" : "") : words.remove(0);
        if (command.isEmpty()) {
            throw new UsageException("no command given (see jhub --help)");
        }
        return new CliArgs(command, List.copyOf(words), Map.copyOf(options), Set.copyOf(flags), named, settings);
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
            throw new UsageException("jhub " + command + " needs " + what);
        }
        return words.get(index);
    }
}
