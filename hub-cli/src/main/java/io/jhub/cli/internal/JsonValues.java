package io.jhub.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered maps that {@link Json} writes as objects. */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * Makes a JSON object from keys and values in order.
     *
     * @param keysAndValues key, value, key, value, ...
     * @return the object, keys in the order given
     */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
