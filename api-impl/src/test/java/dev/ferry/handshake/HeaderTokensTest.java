package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderTokensTest {

    @Test
    void splitsCommaListsOverSeveralLinesTrimmedAndWithoutEmpties() {
        assertEquals(List.of("keep-alive", "Upgrade", "x", "y"),
                HeaderTokens.split(List.of(" keep-alive ,Upgrade", ", ,x,,", "\ty ")));
    }

    @Test
    void splitOfNothingIsEmpty() {
        assertEquals(List.of(), HeaderTokens.split(null));
        assertEquals(List.of(), HeaderTokens.split(List.of()));
        assertEquals(List.of(), HeaderTokens.split(Arrays.asList((String) null)));
        assertEquals(List.of(), HeaderTokens.split(List.of("", " , ")));
    }

    @Test
    void containsIgnoresCaseAndPosition() {
        assertTrue(HeaderTokens.contains(List.of("keep-alive, Upgrade"), "upgrade"));
        assertTrue(HeaderTokens.contains(List.of("UPGRADE"), "upgrade"));
        assertTrue(HeaderTokens.contains(List.of("keep-alive", "upgrade"), "Upgrade"));
    }

    @Test
    void containsMatchesWholeTokensOnly() {
        assertFalse(HeaderTokens.contains(List.of("upgrade-insecure"), "upgrade"));
        assertFalse(HeaderTokens.contains(List.of("websocketx, notwebsocket"), "websocket"));
        assertFalse(HeaderTokens.contains(List.of(), "upgrade"));
        assertFalse(HeaderTokens.contains(null, "upgrade"));
    }

    @Test
    void lookupFindsHeadersInAPlainMapIgnoringCase() {
        Map<String, List<String>> plain = Map.of("sec-websocket-protocol", List.of("chat"));
        assertEquals(List.of("chat"), HeaderLookup.values(plain, "Sec-WebSocket-Protocol"));
        assertEquals(List.of(), HeaderLookup.values(plain, "Upgrade"));
        assertEquals(List.of(), HeaderLookup.values(null, "Upgrade"));
    }

    @Test
    void safeTextCutsLongInputAndHidesControlCharacters() {
        String quoted = SafeText.quote("a\r\nb" + "x".repeat(500));
        assertTrue(quoted.startsWith("\"a??b"), quoted);
        assertTrue(quoted.length() <= SafeText.MAX_ECHO + 5, quoted);
        assertFalse(quoted.contains("\n"));
        assertEquals("null", SafeText.quote(null));
    }
}
