package io.jhub.core;

import java.lang.reflect.Parameter;

/**
 * Turns a given argument into the value passed to one parameter of an entry, for callers whose arguments are
 * not Java values yet (a command line gives text). {@link HubModule#invoke(String, java.util.List,
 * java.util.Map, ArgumentConverter)} asks it for each argument of each overload it tries, and picks the overload
 * as Java would among those whose arguments all converted.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ArgumentConverter {
    /**
     * Converts one argument.
     *
     * @param given the argument as the caller gave it (may be null)
     * @param type the parameter's type; for the elements of a varargs parameter, its component type
     * @param parameter the parameter, for its name and whether it is varargs
     * @return the value to pass
     * @throws IllegalArgumentException if the argument does not fit this parameter; the message says why, naming
     *     the parameter and the value, and the overload is not taken
     */
    Object convert(Object given, Class<?> type, Parameter parameter);
}
