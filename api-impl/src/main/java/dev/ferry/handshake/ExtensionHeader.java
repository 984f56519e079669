package dev.ferry.handshake;

import jakarta.websocket.Extension;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code Sec-WebSocket-Extensions} (RFC 6455 §9.1):
 * {@code permessage-deflate; client_max_window_bits, x-foo; a=1; b="quoted value"}.
 *
 * <p>Parsing accepts optional whitespace anywhere the grammar allows it, empty list elements,
 * parameters without a value and quoted values; anything else is refused with an
 * {@link IllegalArgumentException} whose message says what was expected where, which the
 * handshake turns into a 400.
 */
public final class ExtensionHeader {

    static final String HEADER = "Sec-WebSocket-Extensions";

    private ExtensionHeader() {
    }

    /** The extensions offered over all given header lines, in order; empty for none. */
    public static List<Extension> parse(List<String> headerValues) {
        List<Extension> extensions = new ArrayList<>();
        if (headerValues == null) {
            return extensions;
        }
        for (String line : headerValues) {
            if (line != null) {
                new LineParser(line).parseInto(extensions);
            }
        }
        return extensions;
    }

    /**
     * The header value for {@code extensions}; values that are not tokens are quoted.
     *
     * @throws IllegalArgumentException if a name is not an HTTP token or a value holds a control
     *     character, either of which would corrupt the response headers
     */
    public static String format(List<? extends Extension> extensions) {
        StringBuilder out = new StringBuilder();
        for (Extension extension : extensions) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(requireToken(extension.getName(), "extension name"));
            for (Extension.Parameter parameter : extension.getParameters()) {
                out.append("; ").append(requireToken(parameter.getName(), "parameter name"));
                if (parameter.getValue() != null) {
                    out.append('=');
                    appendValue(out, parameter.getValue());
                }
            }
        }
        return out.toString();
    }

    private static String requireToken(String text, String what) {
        if (text == null || text.isEmpty() || !text.chars().allMatch(ExtensionHeader::isTokenChar)) {
            throw new IllegalArgumentException(HEADER + ": " + what + " " + SafeText.quote(text)
                    + " is not an HTTP token");
        }
        return text;
    }

    private static void appendValue(StringBuilder out, String value) {
        if (!value.isEmpty() && value.chars().allMatch(ExtensionHeader::isTokenChar)) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                throw new IllegalArgumentException(HEADER + ": parameter value " + SafeText.quote(value)
                        + " contains a control character");
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** RFC 7230 tchar. */
    static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    /** Walks one header line; one instance per line, so parsing shares no state between calls. */
    private static final class LineParser {
        private final String line;
        private int pos;
        /** Name of the extension being read, for error messages. */
        private String lastName = "";

        LineParser(String line) {
            this.line = line;
        }

        void parseInto(List<Extension> extensions) {
            while (true) {
                skipWhitespace();
                if (atEnd()) {
                    return;
                }
                if (peek() == ',') {
                    pos++; // an empty list element, which HTTP says to ignore
                    continue;
                }
                extensions.add(extension());
                skipWhitespace();
                if (!atEnd() && peek() != ',') {
                    throw error("expected ',' or ';' after extension " + SafeText.quote(lastName));
                }
            }
        }

        private Extension extension() {
            String name = token("an extension name");
            lastName = name;
            List<FerryExtensionParameter> parameters = new ArrayList<>();
            skipWhitespace();
            while (!atEnd() && peek() == ';') {
                pos++;
                skipWhitespace();
                parameters.add(parameter(name));
                skipWhitespace();
            }
            return new FerryExtension(name, parameters);
        }

        private FerryExtensionParameter parameter(String extensionName) {
            String name = token("a parameter name for extension " + SafeText.quote(extensionName));
            skipWhitespace();
            if (atEnd() || peek() != '=') {
                return new FerryExtensionParameter(name, null);
            }
            pos++;
            skipWhitespace();
            String value = !atEnd() && peek() == '"'
                    ? quotedString(name)
                    : token("a value for parameter " + SafeText.quote(name));
            return new FerryExtensionParameter(name, value);
        }

        private String token(String expected) {
            int start = pos;
            while (!atEnd() && isTokenChar(peek())) {
                pos++;
            }
            if (pos == start) {
                throw error("expected " + expected);
            }
            return line.substring(start, pos);
        }

        private String quotedString(String parameterName) {
            int start = pos;
            pos++; // opening quote
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char c = line.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        break;
                    }
                    c = line.charAt(pos++);
                }
                if (isControl(c)) {
                    pos--;
                    throw error("control character in the quoted value of parameter " + SafeText.quote(parameterName));
                }
                value.append(c);
            }
            pos = start;
            throw error("unterminated quoted value for parameter " + SafeText.quote(parameterName));
        }

        private void skipWhitespace() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= line.length();
        }

        private char peek() {
            return line.charAt(pos);
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(HEADER + ": " + problem + " at position " + pos + " of "
                    + SafeText.quote(line));
        }
    }
}
