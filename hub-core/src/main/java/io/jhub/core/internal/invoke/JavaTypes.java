package io.jhub.core.internal.invoke;

import io.jhub.core.internal.compile.TypeNames;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;

/** Java's rules for boxing, primitive widening and "more specific" between parameter types, for reflection. */
final class JavaTypes {
    private static final Map<Class<?>, Class<?>> UNBOXED = Map.of(Boolean.class, boolean.class, Byte.class,
            byte.class, Short.class, short.class, Character.class, char.class, Integer.class, int.class,
            Long.class, long.class, Float.class, float.class, Double.class, double.class);
    private static final Map<Class<?>, Class<?>> BOXED = Map.of(boolean.class, Boolean.class, byte.class,
            Byte.class, short.class, Short.class, char.class, Character.class, int.class, Integer.class,
            long.class, Long.class, float.class, Float.class, double.class, Double.class, void.class, Void.class);
    private static final Map<Class<?>, Set<Class<?>>> WIDER = Map.of(
            byte.class, Set.of(short.class, int.class, long.class, float.class, double.class),
            short.class, Set.of(int.class, long.class, float.class, double.class),
            char.class, Set.of(int.class, long.class, float.class, double.class),
            int.class, Set.of(long.class, float.class, double.class),
            long.class, Set.of(float.class, double.class),
            float.class, Set.of(double.class));

    private JavaTypes() {
    }

    /**
     * Returns the box of a primitive type, or the type itself.
     *
     * @param type any type
     * @return the reference type values of {@code type} have when passed as objects
     */
    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXED.get(type) : type;
    }

    /**
     * Tells whether a value can be passed for a parameter of type {@code param} by identity, boxing, unboxing
     * followed by primitive widening, or reference widening.
     *
     * @param value the argument (may be null)
     * @param param the parameter type
     * @return true if Java's method invocation conversion accepts it
     */
    static boolean accepts(Object value, Class<?> param) {
        if (value == null) {
            return !param.isPrimitive();
        }
        if (param.isPrimitive()) {
            Class<?> prim = UNBOXED.get(value.getClass());
            return prim != null && (prim == param || WIDER.getOrDefault(prim, Set.of()).contains(param));
        }
        return param.isInstance(value);
    }

    /**
     * Tells whether parameter type {@code s} is at least as specific as {@code t}: identity, primitive widening,
     * subtyping, and a primitive counts as more specific than any supertype of its box (so {@code f(int)} beats
     * {@code f(Integer)} and {@code f(Object)} for a boxed argument).
     *
     * @param s one parameter type
     * @param t another
     * @return true if {@code s <: t} in that sense
     */
    static boolean atLeastAsSpecific(Class<?> s, Class<?> t) {
        if (s == t) {
            return true;
        }
        if (s.isPrimitive() && t.isPrimitive()) {
            return WIDER.getOrDefault(s, Set.of()).contains(t);
        }
        if (s.isPrimitive()) {
            return t.isAssignableFrom(BOXED.get(s));
        }
        return !t.isPrimitive() && t.isAssignableFrom(s);
    }

    /**
     * Formats a method as {@code Result name(Type param, ...)} with simple type names.
     *
     * @param m the method
     * @return the signature
     */
    static String signature(Method m) {
        StringBuilder sb = new StringBuilder(TypeNames.simplify(m.getGenericReturnType().getTypeName()))
                .append(' ').append(m.getName()).append('(');
        Parameter[] params = m.getParameters();
        for (int i = 0; i < params.length; i++) {
            String type = TypeNames.simplify(params[i].getParameterizedType().getTypeName());
            if (m.isVarArgs() && i == params.length - 1 && type.endsWith("[]")) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            sb.append(i == 0 ? "" : ", ").append(type).append(' ').append(params[i].getName());
        }
        return sb.append(')').toString();
    }

    /**
     * Describes a value's type for messages.
     *
     * @param value a value
     * @return {@code null} or the simple name of its class
     */
    static String typeOf(Object value) {
        return value == null ? "null" : TypeNames.simplify(value.getClass().getTypeName());
    }

    /**
     * Quotes a value for a message, shortened to 60 characters.
     *
     * @param value a value
     * @return {@code "text"}
     */
    static String quote(Object value) {
        String s = String.valueOf(value);
        return "\"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
    }
}
