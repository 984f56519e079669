package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FerryHandshakeRequestTest {

    @Test
    void headersAreReadOnlyAndCaseInsensitive() {
        FerryHandshakeRequest handshake = new FerryHandshakeRequest(FakeUpgradeRequest.valid().header("X-Multi", "a", "b"));
        Map<String, List<String>> headers = handshake.getHeaders();
        assertEquals(List.of("13"), headers.get("sec-websocket-version"));
        assertEquals(List.of("a", "b"), headers.get("X-MULTI"));
        assertTrue(headers.containsKey("UPGRADE"));
        assertThrows(UnsupportedOperationException.class, () -> headers.put("X", List.of("y")));
        assertThrows(UnsupportedOperationException.class, () -> headers.get("X-Multi").add("c"));
        assertThrows(UnsupportedOperationException.class, () -> headers.remove("Upgrade"));
    }

    @Test
    void headersFromAPlainMapBecomeCaseInsensitiveAndKeepEveryLine() {
        FakeUpgradeRequest request = new FakeUpgradeRequest() {
            @Override
            public Map<String, List<String>> headers() {
                Map<String, List<String>> plain = new HashMap<>();
                plain.put("x-a", List.of("1"));
                plain.put("X-A", List.of("2"));
                return plain;
            }
        };
        List<String> values = new FerryHandshakeRequest(request).getHeaders().get("X-a");
        assertEquals(2, values.size());
        assertTrue(values.containsAll(List.of("1", "2")));
    }

    @Test
    void isASnapshotOfHeadersAndParameters() {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid();
        request.parameters.put("room", new ArrayList<>(List.of("lobby")));
        FerryHandshakeRequest handshake = new FerryHandshakeRequest(request);
        request.header("Upgrade", "changed");
        request.parameters.get("room").add("other");
        assertEquals(List.of("websocket"), handshake.getHeaders().get("Upgrade"));
        assertEquals(List.of("lobby"), handshake.getParameterMap().get("room"));
    }

    @Test
    void parametersAreReadOnlyInRequestOrder() {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid();
        request.parameters.put("z", List.of("1"));
        request.parameters.put("a", List.of("2", "3"));
        Map<String, List<String>> parameters = new FerryHandshakeRequest(request).getParameterMap();
        assertEquals(List.of("z", "a"), List.copyOf(parameters.keySet()));
        assertEquals(List.of("2", "3"), parameters.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> parameters.put("b", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> parameters.get("a").add("4"));
    }

    @Test
    void passesThroughIdentityUriQueryAndSession() {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid();
        Principal alice = () -> "alice";
        Object session = new Object();
        request.principal = alice;
        request.roles = Set.of("admin");
        request.session = session;
        request.query = "a=1&b=2";
        request.uri = URI.create("wss://example.com/app/chat?a=1&b=2");
        FerryHandshakeRequest handshake = new FerryHandshakeRequest(request);
        assertSame(alice, handshake.getUserPrincipal());
        assertTrue(handshake.isUserInRole("admin"));
        assertFalse(handshake.isUserInRole("guest"));
        assertSame(session, handshake.getHttpSession());
        assertEquals("a=1&b=2", handshake.getQueryString());
        assertEquals(URI.create("wss://example.com/app/chat?a=1&b=2"), handshake.getRequestURI());
    }

    @Test
    void absentThingsAreNullOrEmpty() {
        FakeUpgradeRequest request = new FakeUpgradeRequest() {
            @Override
            public Map<String, List<String>> parameters() {
                return null;
            }
        };
        FerryHandshakeRequest handshake = new FerryHandshakeRequest(request);
        assertNull(handshake.getUserPrincipal());
        assertNull(handshake.getHttpSession());
        assertNull(handshake.getQueryString());
        assertEquals(Map.of(), handshake.getParameterMap());
        assertEquals(Map.of(), handshake.getHeaders());
    }
}
