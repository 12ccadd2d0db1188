package io.jhub.cli.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one JSON document from plain Java values, for the {@code --json} outputs (output only, no parser).
 *
 * <p>Maps become objects (keys in the map's iteration order, so use a {@code LinkedHashMap} or {@code TreeMap}
 * for a stable order), collections and arrays of objects become arrays, {@link Number} and {@link Boolean} stay
 * themselves, an empty {@link Optional} and {@code null} become {@code null}, and anything else is written as
 * the string of {@code toString()}.
 */
public final class Json {
    private Json() {
    }

    /**
     * Renders a value as compact JSON.
     *
     * @param value a map, collection, array, string, number, boolean, optional or null
     * @return the JSON text, without a trailing newline
     * @throws IllegalArgumentException for a map key that is not a string, or a non-finite number
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Optional<?> o) {
            append(out, o.orElse(null));
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no value for the number " + d);
            }
            out.append(value);
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys are strings, got " + e.getKey());
                }
                out.append(first ? "" : ",");
                first = false;
                string(out, key);
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            array(out, list.toArray());
        } else if (value instanceof Object[] array) {
            array(out, array);
        } else {
            string(out, value.toString());
        }
    }

    private static void array(StringBuilder out, Object[] items) {
        out.append('[');
        for (int i = 0; i < items.length; i++) {
            out.append(i == 0 ? "" : ",");
            append(out, items[i]);
        }
        out.append(']');
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
