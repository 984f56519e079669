package dev.ferry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebSocketApiVersionTest {

    /** SendResult as the 2.1 API has it: no constructor taking the session. */
    static final class SendResultOf21 {
        public SendResultOf21(Throwable exception) {
        }
    }

    @Test
    void theApiOnThisClassPathIs22() {
        WebSocketApiVersion.check();
    }

    @Test
    void anOlderApiFailsTheStartNamingTheProperty() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebSocketApiVersion.check(SendResultOf21.class));
        assertTrue(e.getMessage().contains("<jakarta-websocket.version>2.2.0</jakarta-websocket.version>"), e.getMessage());
    }
}
