package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FerryHandshakeResponseTest {

    @Test
    void headersAreALiveCaseInsensitiveMap() {
        FerryHandshakeResponse response = new FerryHandshakeResponse();
        assertTrue(response.getHeaders().isEmpty());
        response.getHeaders().put("X-Token", new ArrayList<>(List.of("1")));
        response.getHeaders().get("x-token").add("2");
        assertSame(response.getHeaders(), response.getHeaders());
        assertEquals(List.of("1", "2"), response.getHeaders().get("X-TOKEN"));
        response.getHeaders().put("x-token", List.of("3"));
        assertEquals(Map.of("X-Token", List.of("3")), Map.copyOf(response.getHeaders()));
    }

    @Test
    void startsWithModifiableCopiesOfTheInitialHeaders() {
        Map<String, List<String>> initial = Map.of("Sec-WebSocket-Accept", List.of("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        FerryHandshakeResponse response = new FerryHandshakeResponse(initial);
        response.getHeaders().get("sec-websocket-accept").add("extra");
        assertEquals(List.of("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "extra"), response.getHeaders().get("Sec-WebSocket-Accept"));
        assertEquals(List.of("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), initial.get("Sec-WebSocket-Accept"));
    }
}
