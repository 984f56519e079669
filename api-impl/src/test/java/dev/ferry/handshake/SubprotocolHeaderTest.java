package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubprotocolHeaderTest {

    @Test
    void keepsTheClientsOrder() {
        assertEquals(List.of("binary", "base64"),
                SubprotocolHeader.requested(Map.of("Sec-WebSocket-Protocol", List.of("binary, base64"))));
    }

    @Test
    void joinsSeveralLinesAndIgnoresHeaderNameCase() {
        assertEquals(List.of("v2.chat", "v1.chat", "json"),
                SubprotocolHeader.requested(Map.of("sec-websocket-protocol", List.of("v2.chat ,v1.chat", " json"))));
    }

    @Test
    void noneRequestedIsEmpty() {
        assertEquals(List.of(), SubprotocolHeader.requested(Map.of()));
        assertEquals(List.of(), SubprotocolHeader.requested(Map.of("Sec-WebSocket-Protocol", List.of(" "))));
    }
}
