package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.Extension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionHeaderTest {

    private static FerryExtensionParameter param(String name, String value) {
        return new FerryExtensionParameter(name, value);
    }

    private static List<Extension> parse(String... lines) {
        return ExtensionHeader.parse(List.of(lines));
    }

    @Test
    void parsesTheBriefExample() {
        List<Extension> parsed = parse("permessage-deflate; client_max_window_bits, x-foo; a=1; b=\"quoted value\"");
        assertEquals(List.of(
                new FerryExtension("permessage-deflate", List.of(param("client_max_window_bits", null))),
                new FerryExtension("x-foo", List.of(param("a", "1"), param("b", "quoted value")))), parsed);
    }

    @Test
    void aParameterWithoutValueHasNullValue() {
        Extension.Parameter parameter = parse("permessage-deflate; client_no_context_takeover").get(0).getParameters().get(0);
        assertEquals("client_no_context_takeover", parameter.getName());
        assertEquals(null, parameter.getValue());
    }

    @Test
    void toleratesWhitespaceAroundEverything() {
        assertEquals(List.of(new FerryExtension("a", List.of(param("x", "1"), param("y", "two words"), param("z", null))),
                        new FerryExtension("b")),
                parse(" \ta ;x = 1 ;\ty=\t\"two words\" ; z , b\t "));
    }

    @Test
    void joinsSeveralHeaderLinesInOrder() {
        assertEquals(List.of(new FerryExtension("a"), new FerryExtension("b"), new FerryExtension("c")),
                parse("a, b", "c"));
    }

    @Test
    void ignoresEmptyListElementsAndEmptyLines() {
        assertEquals(List.of(new FerryExtension("a"), new FerryExtension("b")), parse(", a,, ,b,", "", "  "));
        assertEquals(List.of(), ExtensionHeader.parse(null));
        assertEquals(List.of(), ExtensionHeader.parse(Arrays.asList((String) null)));
    }

    @Test
    void quotedValuesMayHoldCommasSemicolonsAndEscapes() {
        List<Extension> parsed = parse("x; v=\"a, b; c=\\\"d\\\" \\\\\", y");
        assertEquals(2, parsed.size());
        assertEquals("a, b; c=\"d\" \\", parsed.get(0).getParameters().get(0).getValue());
        assertEquals("y", parsed.get(1).getName());
    }

    @Test
    void anEmptyQuotedValueIsTheEmptyString() {
        assertEquals("", parse("x; v=\"\"").get(0).getParameters().get(0).getValue());
    }

    @Test
    void theSameExtensionMayBeOfferedTwice() {
        // RFC 7692 clients offer permessage-deflate several times with different parameters.
        List<Extension> parsed = parse("permessage-deflate; client_max_window_bits=10, permessage-deflate");
        assertEquals(2, parsed.size());
        assertEquals(List.of(param("client_max_window_bits", "10")), parsed.get(0).getParameters());
        assertEquals(List.of(), parsed.get(1).getParameters());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "; a=1",            // parameter before any extension name
        "x;",               // ';' but no parameter
        "x; =1",            // value without parameter name
        "x; a=",            // '=' but no value
        "x; a=\"open",      // unterminated quoted string
        "x; a=\"ok\"junk",  // text after a quoted string
        "x y",              // two tokens without separator
        "x; a=1 2",         // two values
        "x; a b",           // two parameter names
        "x; a=1=2",         // double '='
        "\"x\"",            // extension names are tokens, not quoted
        "x; a=(1)",         // separators in an unquoted value
        "x; a=\"bad\u0001\"", // control character inside quotes
        "x/y",              // '/' is not a token character
    })
    void refusesMalformedHeadersWithAPreciseMessage(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(line));
        assertTrue(e.getMessage().startsWith("Sec-WebSocket-Extensions: "), e.getMessage());
        assertTrue(e.getMessage().contains("position"), e.getMessage());
        assertTrue(e.getMessage().contains("expected") || e.getMessage().contains("quoted"), e.getMessage());
    }

    @Test
    void errorMessageSaysWhatWasExpectedAndWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("x; a=\"open"));
        assertEquals("Sec-WebSocket-Extensions: unterminated quoted value for parameter \"a\" at position 5 of \"x; a=\"open\"",
                e.getMessage());
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class, () -> parse("x, ; a"));
        assertEquals("Sec-WebSocket-Extensions: expected an extension name at position 3 of \"x, ; a\"", noName.getMessage());
    }

    @Test
    void errorMessagesDoNotEchoLongInput() {
        String hostile = "x; a=" + "(".repeat(10_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(hostile));
        assertTrue(e.getMessage().length() < 250, e.getMessage());
        IllegalArgumentException crlf = assertThrows(IllegalArgumentException.class, () -> parse("x\r\nSet-Cookie: a"));
        assertFalse(crlf.getMessage().contains("\n"), crlf.getMessage());
    }

    @Test
    void formatsExtensionsQuotingValuesThatAreNotTokens() {
        assertEquals("permessage-deflate; client_max_window_bits; server_max_window_bits=10, x-foo; b=\"two words\"; c=\"\"; d=\"q\\\"\\\\\"",
                ExtensionHeader.format(List.of(
                        new FerryExtension("permessage-deflate",
                                List.of(param("client_max_window_bits", null), param("server_max_window_bits", "10"))),
                        new FerryExtension("x-foo", List.of(param("b", "two words"), param("c", ""), param("d", "q\"\\"))))));
        assertEquals("", ExtensionHeader.format(List.of()));
    }

    @Test
    void formatThenParseGivesTheSameExtensions() {
        List<Extension> original = parse("a; x=1; y=\"s p, a;c\\\"e\"; z, b");
        assertEquals(original, ExtensionHeader.parse(List.of(ExtensionHeader.format(original))));
    }

    @Test
    void formatRefusesWhatWouldCorruptTheResponseHeaders() {
        assertThrows(IllegalArgumentException.class,
                () -> ExtensionHeader.format(List.of(new FerryExtension("bad name"))));
        assertThrows(IllegalArgumentException.class,
                () -> ExtensionHeader.format(List.of(new FerryExtension("x", List.of(param("a\r\nb", "1"))))));
        assertThrows(IllegalArgumentException.class,
                () -> ExtensionHeader.format(List.of(new FerryExtension("x", List.of(param("a", "1\r\nSet-Cookie: c"))))));
    }
}
