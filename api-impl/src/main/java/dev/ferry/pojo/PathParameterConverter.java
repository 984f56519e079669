package dev.ferry.pojo;

import dev.ferry.message.PrimitiveTypes;
import jakarta.websocket.DecodeException;

/** Converts the text of a path template variable to the type of its {@code @PathParam} parameter. */
public final class PathParameterConverter {

    private PathParameterConverter() {
    }

    /** Whether {@code @PathParam} may annotate a parameter of {@code type}: String, a primitive or a box. */
    public static boolean supports(Class<?> type) {
        return type == String.class || PrimitiveTypes.isPrimitiveOrBoxed(type);
    }

    /**
     * Converts {@code value} (null when the template has no such variable) to {@code type}.
     *
     * @return the value, boxed for primitives; null for a missing value of String or a boxed type
     * @throws DecodeException when the text is not a value of the type, or a primitive has no value
     */
    public static Object convert(String value, Class<?> type) throws DecodeException {
        if (type == String.class) {
            return value;
        }
        if (!PrimitiveTypes.isPrimitiveOrBoxed(type)) {
            throw new IllegalArgumentException("@PathParam cannot be of type " + type.getName());
        }
        if (value == null) {
            if (type.isPrimitive()) {
                throw new DecodeException((String) null, "No path parameter value for a parameter of type " + type);
            }
            return null;
        }
        return PrimitiveTypes.fromText(value, type);
    }
}
