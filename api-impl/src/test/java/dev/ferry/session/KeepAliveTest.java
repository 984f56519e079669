package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.frame.Opcode;
import jakarta.websocket.PongMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The automatic ping: it keeps answering peers connected and ends silent ones. */
class KeepAliveTest {

    private static final SessionLimits PINGING = new SessionLimits(1024, 1024, 1 << 20, 0, 2_000, 500, 64 * 1024,
            50, 150);

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static List<InMemoryTransport.Frame> pings(SessionHarness h) {
        return h.transport.frames().stream().filter(f -> f.opcode() == Opcode.PING).toList();
    }

    @Test
    void answeredPingsKeepTheConnectionAndStayHiddenFromTheApplication() throws Exception {
        List<PongMessage> appPongs = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(PongMessage.class,
                (jakarta.websocket.MessageHandler.Whole<PongMessage>) appPongs::add),
                PINGING)) {
            for (int i = 1; i <= 4; i++) {
                int expected = i;
                await(() -> pings(h).size() >= expected, "ping " + expected);
                h.clientFrame(true, Opcode.PONG, pings(h).get(i - 1).payload());
            }
            assertTrue(h.session.isOpen());
            assertTrue(appPongs.isEmpty(), "keep-alive pongs reached the application");
            h.clientFrame(true, Opcode.PONG, "mine".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, appPongs.size());
        }
    }

    @Test
    void aPeerThatNeverAnswersIsClosedWith1001() throws Exception {
        try (SessionHarness h = new SessionHarness((s, c) -> { }, PINGING)) {
            await(() -> !h.closes.isEmpty(), "the close");
            assertEquals(1001, h.closes.get(0).getCloseCode().getCode());
            assertTrue(h.closes.get(0).getReasonPhrase().contains("dev.ferry.pongTimeout"));
            assertEquals(1, pings(h).size());
            assertTrue(h.transport.closed);
        }
    }
}
