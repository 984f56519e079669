package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.frame.Opcode;
import jakarta.websocket.PongMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The automatic ping: it keeps answering peers connected and ends silent ones. */
class KeepAliveTest {

    private static final SessionLimits PINGING = new SessionLimits(1024, 1024, 1 << 20, 0, 2_000, 500, 64 * 1024,
            50, 150);

    private static List<InMemoryTransport.Frame> pings(SessionHarness h) {
        return h.transport.frames().stream().filter(f -> f.opcode() == Opcode.PING).toList();
    }

    @Test
    void answeredPingsKeepTheConnectionAndStayHiddenFromTheApplication() {
        List<PongMessage> appPongs = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(PongMessage.class,
                (jakarta.websocket.MessageHandler.Whole<PongMessage>) appPongs::add),
                PINGING)) {
            for (int i = 1; i <= 4; i++) {
                h.time.advance(49);
                assertEquals(i - 1, pings(h).size(), "no ping before the 50 ms interval");
                h.time.advance(1);
                assertEquals(i, pings(h).size(), "ping " + i + " at the interval");
                h.clientFrame(true, Opcode.PONG, pings(h).get(i - 1).payload());
            }
            assertTrue(h.session.isOpen());
            assertTrue(appPongs.isEmpty(), "keep-alive pongs reached the application");
            h.clientFrame(true, Opcode.PONG, "mine".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, appPongs.size());
        }
    }

    @Test
    void aPeerThatNeverAnswersIsClosedWith1001() {
        try (SessionHarness h = new SessionHarness((s, c) -> { }, PINGING)) {
            h.time.advance(50);
            assertEquals(1, pings(h).size());
            h.time.advance(149);
            assertTrue(h.closes.isEmpty(), "the pong still has 1 ms of its 150 ms");
            h.time.advance(1);
            assertEquals(1, h.closes.size());
            assertEquals(1001, h.closes.get(0).getCloseCode().getCode());
            assertTrue(h.closes.get(0).getReasonPhrase().contains("dev.ferry.pongTimeout"));
            assertEquals(1, pings(h).size());
            assertTrue(h.transport.closed);
        }
    }
}
