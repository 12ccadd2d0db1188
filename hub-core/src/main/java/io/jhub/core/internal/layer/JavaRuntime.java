package io.jhub.core.internal.layer;

import java.lang.module.ModuleFinder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the running Java runtime is, for the advice on a JDK module it lacks: a full JDK or JRE, or a trimmed
 * runtime image made by jlink (jhub's own {@code packaging/jlink-image.sh} image, whose launcher sets
 * {@code -Djhub.image=standard} or {@code -Djhub.image=slim}, or any image without {@code java.se}).
 *
 * @param javaHome the runtime's {@code java.home}
 * @param image the jhub image flavour ({@code standard}, {@code slim}), {@code other} for a trimmed runtime that
 *     jhub's script did not make, or empty for a full runtime
 */
public record JavaRuntime(String javaHome, Optional<String> image) {
    /** The system property the image launcher of {@code packaging/link.sh} sets. */
    public static final String IMAGE_PROPERTY = "jhub.image";

    /**
     * Validates the components.
     *
     * @throws NullPointerException if one is null
     */
    public JavaRuntime {
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(image, "image");
    }

    /**
     * Describes the running runtime.
     *
     * @return the current runtime
     */
    public static JavaRuntime current() {
        String property = System.getProperty(IMAGE_PROPERTY, "").strip();
        Optional<String> image = !property.isEmpty() ? Optional.of(property)
                : ModuleFinder.ofSystem().find("java.se").isEmpty() ? Optional.of("other") : Optional.empty();
        return new JavaRuntime(System.getProperty("java.home", "?"), image);
    }

    /**
     * Returns whether a module name belongs to the JDK's namespaces ({@code java.*}, {@code jdk.*}), so that only a
     * runtime, never a jar, can provide it.
     *
     * @param name a module name
     * @return true for a JDK module name
     */
    public static boolean isJdkName(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    /**
     * Advice for JDK modules this runtime does not contain at all.
     *
     * @param names the missing JDK module names, not empty
     * @return one or two sentences naming the modules and the fix
     */
    public String adviceForAbsent(List<String> names) {
        String list = String.join(",", names);
        String subject = String.join(", ", names) + (names.size() == 1 ? " is a JDK module" : " are JDK modules");
        if (image.isEmpty()) {
            return subject + " that the running Java runtime (" + javaHome + ", Java " + Runtime.version().feature()
                    + ") does not contain: run on a JDK that has " + (names.size() == 1 ? "it" : "them")
                    + " (a jlink-made runtime needs them linked in with --add-modules " + list + ").";
        }
        String fix = "packaging/jlink-image.sh " + (image.get().equals("slim") ? "--slim " : "") + "--add-modules "
                + list;
        String flavour = image.get().equals("other") ? "a jlink image" : "a jhub runtime image (" + image.get() + ")";
        String slimNote = image.get().equals("slim")
                ? " (or leave out --slim: the standard image holds every java.se module)" : "";
        return subject + " that this Java runtime does not contain: it is " + flavour + " at " + javaHome
                + " linked without " + (names.size() == 1 ? "it" : "them") + ", and modules cannot be added to an"
                + " image afterwards. Build the image again with " + (names.size() == 1 ? "it" : "them") + ": "
                + fix + slimNote + ".";
    }
}
