package io.jhub.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HubCheck#check(Path)} found in a hub repository directory, without running any of its code: the entries
 * with their signatures and documentation, the modules it names, its resources and {@code lib/} jars, and the
 * problems, each an error (the repository would not load) or a warning.
 *
 * @param root the repository directory (absolute, normalised)
 * @param hubconf the hubconf file relative to {@code root}, such as {@code hubconf.java}
 * @param packageName the hubconf's package, empty if it declares none
 * @param declaredModule whether the repository has its own {@code module-info.java}
 * @param entries the entries in source order, one per overload (empty if the sources do not compile)
 * @param dependencies the names in the hubconf's {@code dependencies} field, in order
 * @param resources the files the module serves as resources, relative to {@code root}, sorted
 * @param libJars the jars in {@code lib/}, sorted by file name
 * @param findings errors first, then warnings, each group in the order found
 * @since 0.2
 */
public record HubCheckReport(Path root, String hubconf, Optional<String> packageName, boolean declaredModule,
                             List<Entry> entries, List<String> dependencies, List<String> resources,
                             List<LibJar> libJars, List<Finding> findings) {

    /**
     * Validates and copies the fields; orders the findings errors first.
     *
     * @throws NullPointerException if a field is null
     */
    public HubCheckReport {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(hubconf, "hubconf");
        Objects.requireNonNull(packageName, "packageName");
        entries = List.copyOf(entries);
        dependencies = List.copyOf(dependencies);
        resources = List.copyOf(resources);
        libJars = List.copyOf(libJars);
        findings = findings.stream().sorted((a, b) -> a.severity().compareTo(b.severity())).toList();
    }

    /** How bad a finding is. */
    public enum Severity {
        /** The repository would not load, or not as written. */
        ERROR,
        /** The repository loads, but something is likely a mistake or unhelpful to its users. */
        WARNING
    }

    /**
     * A place in the repository.
     *
     * @param file a path relative to the repository root, {@code /}-separated
     * @param line the 1-based line, or 0 when the finding is about the whole file
     * @param column the 1-based column, or 0 when unknown
     */
    public record Location(String file, long line, long column) {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if {@code file} is null
         */
        public Location {
            Objects.requireNonNull(file, "file");
        }

        /**
         * Returns {@code file:line:column}, or just the file when the line is unknown.
         *
         * @return the location as compilers print it
         */
        @Override
        public String toString() {
            return line <= 0 ? file : file + ":" + line + ":" + column;
        }
    }

    /**
     * One problem.
     *
     * @param severity error or warning
     * @param location where it is
     * @param message what is wrong and what to do
     */
    public record Finding(Severity severity, Location location, String message) {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is null
         */
        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        /**
         * Returns {@code file:line:column: error: message} (or {@code warning}).
         *
         * @return the finding on one line
         */
        @Override
        public String toString() {
            return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
        }
    }

    /**
     * One overload of an entry.
     *
     * @param name the entry name
     * @param signature the method as source text, such as {@code String greet(String name)}
     * @param doc its Javadoc as written (comment markers removed), empty if it has none
     * @param location where the method is declared
     */
    public record Entry(String name, String signature, String doc, Location location) {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is null
         */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(doc, "doc");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A jar in {@code lib/}.
     *
     * @param file the jar relative to the repository root, such as {@code lib/tensors.jar}
     * @param module its module name, empty if the jar is not a usable module
     * @param automatic true for an automatic module (no {@code module-info.class}; name from the manifest's
     *     {@code Automatic-Module-Name} or the file name)
     */
    public record LibJar(String file, Optional<String> module, boolean automatic) {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is null
         */
        public LibJar {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(module, "module");
        }
    }

    /**
     * Returns the errors.
     *
     * @return the findings of severity {@link Severity#ERROR}
     */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /**
     * Returns the warnings.
     *
     * @return the findings of severity {@link Severity#WARNING}
     */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /**
     * Tells whether the repository has no errors (warnings allowed).
     *
     * @return true if it would load
     */
    public boolean ok() {
        return errors().isEmpty();
    }
}
