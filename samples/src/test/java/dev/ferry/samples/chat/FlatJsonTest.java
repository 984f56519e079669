package dev.ferry.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {

    @Test
    void writesFieldsInOrderWithEscapes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "say");
        fields.put("text", "a\"b\\c\nd\te\u0001\u2028");
        fields.put("time", 12L);
        fields.put("count", 3);
        fields.put("replay", true);
        fields.put("none", null);
        assertEquals("{\"type\":\"say\",\"text\":\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028\",\"time\":12,\"count\":3,"
                + "\"replay\":true,\"none\":null}", FlatJson.write(fields));
    }

    @Test
    void readsWhatItWrites() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "Grüße 😀 \"quoted\" \\ \r\n\t\u0000 </script>");
        fields.put("n", -42L);
        fields.put("yes", false);
        assertEquals(fields, FlatJson.read(FlatJson.write(fields)));
    }

    @Test
    void readsEscapesAndSpaceAsJsonDefinesThem() {
        Map<String, Object> read = FlatJson.read(" { \"a\" : \"\\u00fc\\ud83d\\ude00\\/\\b\\f\" , \"b\":null }\n");
        assertEquals("ü😀/\b\f", read.get("a"));
        assertTrue(read.containsKey("b"));
        assertEquals(null, read.get("b"));
        assertEquals(Map.of(), FlatJson.read("{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":{}}", "{\"a\":[1]}",
            "{\"a\":1.5}", "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":1} x", "{a:1}", "{\"a\":1,\"a\":2}",
            "{\"a\":\"\u0001\"}", "{\"a\":tru}", "{\"a\":\"\\u12\"}", "{\"a\":99999999999999999999}"})
    void refusesWhatIsNotAFlatObject(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlatJson.read(text));
        assertTrue(e.getMessage().startsWith("Not a flat JSON object"), e.getMessage());
    }

    @Test
    void refusesToWriteOtherValueTypes() {
        assertThrows(IllegalArgumentException.class, () -> FlatJson.write(Map.of("a", Arrays.asList(1))));
    }
}
