package io.jhub.cli.internal;

import io.jhub.core.ArgumentConverter;
import java.io.File;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Converts command-line text to parameter values: primitives and their boxes, {@code String}, {@code Path},
 * {@code File}, {@code URI}, enum constants by name ignoring case, {@code BigInteger}, {@code BigDecimal},
 * {@code boolean} from {@code true}/{@code false} only, and arrays of these from comma-separated elements
 * ({@code 1,2,3}; a varargs parameter takes its elements as separate arguments instead). Only the command line
 * gives entries text; the core invokes with whatever this converter returns.
 */
final class TextArguments implements ArgumentConverter {
    /** The converter. */
    static final TextArguments INSTANCE = new TextArguments();

    private TextArguments() {
    }

    @Override
    public Object convert(Object raw, Class<?> type, Parameter parameter) {
        String text = (String) raw;
        if (text == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("parameter '" + parameter.getName() + "' is " + type
                        + " and cannot be null");
            }
            return null;
        }
        try {
            if (type.isArray()) {
                if (parameter.isVarArgs()) {
                    // varargs take one argument per element; a comma would split "Hello, world" otherwise
                    throw new Rejected("parameter '" + parameter.getName() + "' takes its elements as separate "
                            + "arguments");
                }
                return array(text, type.getComponentType());
            }
            return convert(text, type);
        } catch (Rejected e) {
            throw e;
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw new IllegalArgumentException("parameter '" + parameter.getName() + "' expects "
                    + simpleName(type) + ", got " + quote(text) + detail(e));
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("parameter '" + parameter.getName() + "' has type "
                    + simpleName(type) + ", which cannot be given as text");
        }
    }

    /** An array parameter from one text: its elements separated by commas, none for an empty text. */
    private static Object array(String text, Class<?> component) throws URISyntaxException {
        if (component.isArray()) {
            throw new UnsupportedOperationException(component.getName());
        }
        String[] parts = text.isBlank() ? new String[0] : text.split(",", -1);
        Object array = Array.newInstance(component, parts.length);
        for (int i = 0; i < parts.length; i++) {
            Array.set(array, i, convert(component == String.class ? parts[i].strip() : parts[i], component));
        }
        return array;
    }

    private static Object convert(String text, Class<?> type) throws URISyntaxException {
        Class<?> t = MethodType.methodType(type).wrap().returnType();
        String s = text.strip();
        if (t == String.class || t == Object.class || t == CharSequence.class) {
            return text;
        }
        if (t == Boolean.class) {
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.valueOf(s);
            }
            throw new IllegalArgumentException("use true or false");
        }
        if (t == Integer.class) {
            return Integer.valueOf(s);
        }
        if (t == Long.class) {
            return Long.valueOf(s);
        }
        if (t == Double.class) {
            return Double.valueOf(s);
        }
        if (t == Float.class) {
            return Float.valueOf(s);
        }
        if (t == Short.class) {
            return Short.valueOf(s);
        }
        if (t == Byte.class) {
            return Byte.valueOf(s);
        }
        if (t == Character.class) {
            if (text.length() != 1) {
                throw new IllegalArgumentException("give exactly one character");
            }
            return text.charAt(0);
        }
        if (t == BigInteger.class) {
            return new BigInteger(s);
        }
        if (t == BigDecimal.class) {
            return new BigDecimal(s);
        }
        if (t == Path.class) {
            return Path.of(text);
        }
        if (t == File.class) {
            return new File(text);
        }
        if (t == URI.class) {
            return new URI(s);
        }
        if (t.isEnum()) {
            for (Object c : t.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("use one of " + Arrays.stream(t.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
        throw new UnsupportedOperationException(t.getName());
    }

    /** A refusal whose message is complete (not a conversion failure to be explained). */
    private static final class Rejected extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    /** {@code int[]}, {@code URI}, {@code hubconf.Size}: the type without its package, as messages show it. */
    private static String simpleName(Class<?> type) {
        if (type.isArray()) {
            return simpleName(type.getComponentType()) + "[]";
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String detail(Exception e) {
        if (e instanceof NumberFormatException) {
            return " (not a number in range)";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m + ")";
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
