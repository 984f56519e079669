package dev.ferry.pojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DecodeException;
import org.junit.jupiter.api.Test;

class PathParameterConverterTest {

    @Test
    void convertsToEachSupportedType() throws Exception {
        assertEquals("abc", PathParameterConverter.convert("abc", String.class));
        assertEquals(12, PathParameterConverter.convert("12", int.class));
        assertEquals(12, PathParameterConverter.convert("12", Integer.class));
        assertEquals(5_000_000_000L, PathParameterConverter.convert("5000000000", long.class));
        assertEquals(false, PathParameterConverter.convert("false", boolean.class));
        assertEquals((short) 3, PathParameterConverter.convert("3", short.class));
        assertEquals((byte) -1, PathParameterConverter.convert("-1", byte.class));
        assertEquals(0.5f, PathParameterConverter.convert("0.5", float.class));
        assertEquals('z', PathParameterConverter.convert("z", char.class));
    }

    @Test
    void missingValues() throws Exception {
        assertNull(PathParameterConverter.convert(null, String.class));
        assertNull(PathParameterConverter.convert(null, Long.class));
        assertThrows(DecodeException.class, () -> PathParameterConverter.convert(null, long.class));
    }

    @Test
    void badValuesAreDecodeExceptions() throws DecodeException {
        DecodeException e = assertThrows(DecodeException.class, () -> PathParameterConverter.convert("x1", int.class));
        assertEquals("x1", e.getText());
        assertThrows(DecodeException.class, () -> PathParameterConverter.convert("maybe", Boolean.class));
        assertEquals('a', PathParameterConverter.convert("ab", char.class));
        assertThrows(DecodeException.class, () -> PathParameterConverter.convert("", char.class));
        assertThrows(DecodeException.class, () -> PathParameterConverter.convert("300", byte.class));
    }

    @Test
    void supportedTypes() {
        assertTrue(PathParameterConverter.supports(String.class));
        assertTrue(PathParameterConverter.supports(double.class));
        assertTrue(PathParameterConverter.supports(Character.class));
        assertFalse(PathParameterConverter.supports(Object.class));
        assertFalse(PathParameterConverter.supports(void.class));
        assertThrows(IllegalArgumentException.class, () -> PathParameterConverter.convert("x", Object.class));
    }
}
