package io.jhub.api.spi;

import java.util.Objects;

/**
 * A setting that a part of jhub reads through {@link FetchContext#setting(String)}, declared so that tools (the
 * {@code jhub --set} option among them) can refuse a misspelt key and suggest the nearest known one. Fetchers
 * declare theirs with {@link RepoFetcher#settingKeys()}; the hub adds its own HTTP and download settings.
 *
 * @param name the key, such as {@code ssh.user}
 * @param hostSuffix whether the key may, must or must not be followed by {@code .<host[:port]>}
 * @param description one line: what it sets and its default
 * @since 0.2
 */
public record SettingKey(String name, HostSuffix hostSuffix, String description) {

    /** Whether a key takes a {@code .<host[:port]>} suffix, as in {@code https.token.git.example.org}. */
    public enum HostSuffix {
        /** Only the bare key. */
        NONE,
        /** The bare key (for every host) or the key followed by {@code .<host>} (for that host). */
        OPTIONAL,
        /** Only the key followed by {@code .<host>}. */
        REQUIRED
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the name is blank or contains a space
     */
    public SettingKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostSuffix, "hostSuffix");
        Objects.requireNonNull(description, "description");
        if (name.isBlank() || name.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("Invalid setting name \"" + name + "\": use a dotted name such as"
                    + " \"ssh.user\".");
        }
    }

    /**
     * Creates a key that takes no host suffix.
     *
     * @param name the key
     * @param description what it sets and its default
     * @return the key
     */
    public static SettingKey of(String name, String description) {
        return new SettingKey(name, HostSuffix.NONE, description);
    }

    /**
     * Tells whether a key as a user wrote it is this setting (with a host suffix where one is allowed).
     *
     * @param key the key as given, such as {@code https.style.git.example.org}
     * @return true if it names this setting
     */
    public boolean matches(String key) {
        Objects.requireNonNull(key, "key");
        boolean suffixed = key.length() > name.length() + 1 && key.startsWith(name + ".");
        return switch (hostSuffix) {
            case NONE -> key.equals(name);
            case OPTIONAL -> key.equals(name) || suffixed;
            case REQUIRED -> suffixed;
        };
    }

    /**
     * Formats the key as users write it.
     *
     * @return {@code name}, {@code name[.<host>]} or {@code name.<host>}
     */
    public String pattern() {
        return switch (hostSuffix) {
            case NONE -> name;
            case OPTIONAL -> name + "[.<host>]";
            case REQUIRED -> name + ".<host>";
        };
    }
}
