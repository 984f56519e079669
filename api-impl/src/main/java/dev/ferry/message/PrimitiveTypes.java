package dev.ferry.message;

import jakarta.websocket.DecodeException;
import java.util.Map;

/**
 * The Java primitives and their boxes, which the specification requires to be sent and received
 * as text without any configured encoder or decoder.
 */
public final class PrimitiveTypes {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class,
            byte.class, Byte.class,
            short.class, Short.class,
            char.class, Character.class,
            int.class, Integer.class,
            long.class, Long.class,
            float.class, Float.class,
            double.class, Double.class);

    private PrimitiveTypes() {
    }

    /** Whether {@code type} is a primitive other than {@code void}, or the box of one. */
    public static boolean isPrimitiveOrBoxed(Class<?> type) {
        return BOXES.containsKey(type) || BOXES.containsValue(type);
    }

    /** The box of a primitive type; any other type unchanged. */
    public static Class<?> box(Class<?> type) {
        Class<?> boxed = BOXES.get(type);
        return boxed == null ? type : boxed;
    }

    /**
     * Converts text to a primitive or boxed value (returned boxed).
     *
     * @throws DecodeException when the text is not a value of that type; booleans must be "true" or
     *         "false" (any case) because silently reading "yes" as false would hide a client bug
     */
    public static Object fromText(String text, Class<?> type) throws DecodeException {
        Class<?> boxed = box(type);
        if (text == null) {
            throw new DecodeException((String) null, "No value to convert to " + type.getSimpleName());
        }
        try {
            if (boxed == Integer.class) {
                return Integer.valueOf(text);
            } else if (boxed == Long.class) {
                return Long.valueOf(text);
            } else if (boxed == Boolean.class) {
                return parseBoolean(text);
            } else if (boxed == Double.class) {
                return Double.valueOf(text);
            } else if (boxed == Float.class) {
                return Float.valueOf(text);
            } else if (boxed == Short.class) {
                return Short.valueOf(text);
            } else if (boxed == Byte.class) {
                return Byte.valueOf(text);
            } else if (boxed == Character.class) {
                return parseCharacter(text);
            }
        } catch (NumberFormatException e) {
            throw new DecodeException(text, "Cannot convert \"" + text + "\" to " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException(type.getName() + " is not a primitive or boxed type");
    }

    private static Boolean parseBoolean(String text) throws DecodeException {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        } else if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        throw new DecodeException(text, "Cannot convert \"" + text + "\" to boolean: expected true or false");
    }

    /** The first character, as other implementations and the TCK read a text message into a char. */
    private static Character parseCharacter(String text) throws DecodeException {
        if (text.isEmpty()) {
            throw new DecodeException(text, "Cannot convert an empty text to char");
        }
        return text.charAt(0);
    }
}
