package io.jhub.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded hub repository: its module in its own {@link ModuleLayer}, the entries of its hubconf class, their
 * documentation, and ways to call them. Listing entries and reading their help runs no repository code; the
 * hubconf class is initialised only when an entry is first invoked.
 *
 * <p>Implementations are thread-safe. Every entry call runs with the owning {@link Hub} as {@link Hub#current()}
 * and the layer's class loader as the thread's context class loader.
 *
 * @since 0.1
 */
public interface HubModule {
    /**
     * Returns the name given to the load, such as {@code owner/repo@1a2b3c4} or a directory.
     *
     * @return the display name
     */
    String name();

    /**
     * Returns the repository tree on disk.
     *
     * @return the root directory
     */
    Path root();

    /**
     * Returns the repository's named module.
     *
     * @return the module
     */
    Module module();

    /**
     * Returns the layer that holds the repository's module (one class loader per layer).
     *
     * @return the layer
     */
    ModuleLayer layer();

    /**
     * Returns the hubconf class, loaded but not initialised.
     *
     * @return the class
     */
    Class<?> hubconfClass();

    /**
     * Returns the entries: names of the public static methods of the hubconf class.
     *
     * @return sorted, distinct names; never synthetic ones
     */
    List<String> entries();

    /**
     * Returns an entry's documentation as plain text, from the Javadoc captured when the repository was compiled:
     * for each overload its signature, then beneath it, indented, the first sentence, the rest of the description,
     * and the block tags as lists under {@code Parameters:}, {@code Returns:} and {@code Throws:} (other tags under
     * their own heading). Comment margins are removed, inline tags such as {@code {@code x}} and
     * {@code {@link X}} become their text, HTML paragraphs become blank lines; lines are wrapped at 80 columns.
     *
     * @param entry the entry name
     * @return the documentation; an overload without Javadoc shows its signature and {@code (no documentation)}
     * @throws io.jhub.api.EntryNotFoundException if there is no such entry (the message lists the entries)
     */
    String help(String entry);

    /**
     * Calls an entry with positional arguments.
     *
     * @param entry the entry name
     * @param args the arguments; boxed values bind to primitive parameters, with Java's widening
     * @return what the entry returned ({@code null} for a {@code void} entry)
     * @throws io.jhub.api.EntryNotFoundException if there is no such entry
     * @throws io.jhub.api.EntryArgumentException if no overload fits, or several fit equally well
     * @throws io.jhub.api.EntryInvocationException if the entry threw a checked exception (the cause)
     * @throws RuntimeException the entry's own unchecked exception, unchanged
     */
    Object invoke(String entry, Object... args);

    /**
     * Calls an entry with positional and named arguments. Positional arguments fill the first parameters, named
     * ones bind by parameter name.
     *
     * @param entry the entry name
     * @param positional the leading arguments (may contain nulls)
     * @param named arguments by parameter name
     * @return what the entry returned
     * @throws io.jhub.api.EntryNotFoundException if there is no such entry
     * @throws io.jhub.api.EntryArgumentException if no overload fits, several fit equally well, or a name is
     *     unknown or given twice
     * @throws io.jhub.api.EntryInvocationException if the entry threw a checked exception (the cause)
     * @throws RuntimeException the entry's own unchecked exception, unchanged
     */
    Object invoke(String entry, List<?> positional, Map<String, ?> named);

    /**
     * Calls an entry like {@link #invoke(String, List, Map)} and checks the result's type.
     *
     * @param entry the entry name
     * @param type the expected result type (a primitive type accepts its box)
     * @param positional the leading arguments
     * @param named arguments by parameter name
     * @param <T> the result type
     * @return the result, cast to {@code type}
     * @throws io.jhub.api.HubException if the result is not of {@code type}, or as {@link #invoke(String, List, Map)}
     */
    <T> T invoke(String entry, Class<T> type, List<?> positional, Map<String, ?> named);

    /**
     * Calls an entry with arguments that {@code converter} turns into parameter values, such as text from a
     * command line. Overloads are chosen as by {@link #invoke(String, List, Map)} among those whose arguments all
     * convert.
     *
     * @param entry the entry name
     * @param positional the leading arguments as given
     * @param named arguments by parameter name, as given
     * @param converter turns each given argument into a value for a parameter
     * @return what the entry returned
     * @throws io.jhub.api.EntryArgumentException if no overload's arguments convert (each overload's reason is
     *     listed), or several fit equally well
     * @throws io.jhub.api.EntryNotFoundException if there is no such entry
     * @throws io.jhub.api.EntryInvocationException if the entry threw a checked exception (the cause)
     * @throws RuntimeException the entry's own unchecked exception, unchanged
     */
    Object invoke(String entry, List<?> positional, Map<String, ?> named, ArgumentConverter converter);
}
