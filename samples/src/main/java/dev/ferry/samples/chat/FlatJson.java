package dev.ferry.samples.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for the chat's few message shapes, all of them one object whose values are strings,
 * whole numbers, booleans or null. Nested objects and arrays are refused: the chat never sends
 * them, and a reader that need not handle them stays small enough to check by eye.
 */
public final class FlatJson {

    private FlatJson() {
    }

    /** Writes {@code fields} (String, Number, Boolean or null values) as one JSON object, in map order. */
    public static String write(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(64);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, field.getKey());
            out.append(':');
            Object value = field.getValue();
            if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer) {
                out.append(value);
            } else if (value instanceof String s) {
                writeString(out, s);
            } else {
                throw new IllegalArgumentException("Unsupported JSON value type " + value.getClass().getName()
                        + " for '" + field.getKey() + "'");
            }
        }
        return out.append('}').toString();
    }

    private static void writeString(StringBuilder out, String s) {
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
                    // Control characters must be escaped; U+2028/2029 too, so that the text is
                    // also safe inside a JavaScript string literal.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads one flat object. Numbers come back as {@link Long} (the chat has no fractions).
     *
     * @throws IllegalArgumentException saying where the text is not such an object
     */
    public static Map<String, Object> read(String text) {
        return new Reader(text).object();
    }

    /** A cursor over the text; one instance per call. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    if (fields.containsKey(key)) {
                        throw error("duplicate key '" + key + "'");
                    }
                    fields.put(key, value());
                    skipSpace();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or '}'", pos - 1);
                    }
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the object");
            }
            return fields;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            if (text.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (c == '{' || c == '[') {
                throw error("nested objects and arrays are not supported");
            }
            throw error("expected a value");
        }

        private Long number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && ".eE".indexOf(text.charAt(pos)) >= 0) {
                throw error("only whole numbers are supported");
            }
            try {
                return Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("not a whole number", start);
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string", pos - 1);
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            // A surrogate pair arrives as two escapes and joins up in the builder.
                            s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape '\\" + e + "'", pos - 1);
                }
            }
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private IllegalArgumentException error(String what) {
            return error(what, pos);
        }

        private IllegalArgumentException error(String what, int at) {
            return new IllegalArgumentException("Not a flat JSON object: " + what + " at offset " + at);
        }
    }
}
