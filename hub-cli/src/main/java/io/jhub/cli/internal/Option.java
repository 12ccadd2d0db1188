package io.jhub.cli.internal;

import java.util.Objects;

/**
 * One option of the {@code jhub} command line.
 *
 * @param name the long name without dashes, such as {@code host}
 * @param shortName the one-letter form without the dash ({@code q} for {@code -q}), or {@code 0} for none
 * @param value what the value is called in the usage text ({@code H[:port]}), or "" for a flag
 * @param help one line for the usage text
 */
record Option(String name, char shortName, String value, String help) {
    Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(help, "help");
    }

    static Option flag(String name, String help) {
        return new Option(name, (char) 0, "", help);
    }

    static Option valued(String name, String value, String help) {
        return new Option(name, (char) 0, value, help);
    }

    boolean isFlag() {
        return value.isEmpty();
    }

    /** The option as the usage shows it: {@code -q, --quiet} or {@code --host H[:port]}. */
    String label() {
        return (shortName != 0 ? "-" + shortName + ", " : "") + "--" + name + (isFlag() ? "" : " " + value);
    }
}
