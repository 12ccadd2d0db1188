package io.jhub.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON writer escapes strings and nests values as JSON requires. */
class JsonTest {
    @Test
    void nestsMapsListsAndScalarsInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a\"b\\c\n\u0001");
        m.put("size", 12L);
        m.put("ok", true);
        m.put("none", Optional.empty());
        m.put("items", Arrays.asList(1, null, List.of("x")));
        assertEquals("{\"name\":\"a\\\"b\\\\c\\n\\u0001\",\"size\":12,\"ok\":true,\"none\":null,"
                + "\"items\":[1,null,[\"x\"]]}", Json.write(m));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }
}
