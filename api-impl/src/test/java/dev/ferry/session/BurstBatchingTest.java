package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import jakarta.websocket.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What handlers send while a burst of messages (several in one read) is parsed leaves in one
 * write at the burst's end; a lone message's answer leaves at once; and a handler that waits for
 * its own send in the middle of a burst is released by the hold limit, not left hanging.
 */
@Timeout(30)
class BurstBatchingTest {

    private static byte[] burst(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : texts) {
            out.writeBytes(SessionHarness.bytes(FrameWriter.encode(true, 0, Opcode.TEXT,
                    ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true, 0x1234abcd)));
        }
        return out.toByteArray();
    }

    private static SessionHarness echo(List<Integer> writesSeenByHandler, InMemoryTransport[] transport) {
        return new SessionHarness((session, config) -> session.addMessageHandler(String.class, text -> {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            writesSeenByHandler.add(transport[0].writeCalls);
        }));
    }

    @Test
    void theAnswersToABurstLeaveInOneWrite() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        InMemoryTransport[] transport = new InMemoryTransport[1];
        try (SessionHarness h = echo(seen, transport)) {
            transport[0] = h.transport;
            h.transport.feed(burst("one", "two", "three", "four"));
            assertEquals(1, h.transport.writeCalls, "four echoes, one write");
            assertEquals(List.of("one", "two", "three", "four"),
                    h.transport.frames().stream().map(InMemoryTransport.Frame::text).toList());
            assertEquals(List.of(0, 0, 0, 1), seen, "held while more of the read followed; the last flushed all");
            h.time.advance(5);
            assertEquals(1, h.transport.writeCalls, "nothing was left to write after the burst");
            assertEquals(0, h.time.pending(), "the watch stops ticking once nothing is held");
        }
    }

    @Test
    void aLoneMessagesAnswerIsWrittenBeforeItsHandlerReturns() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        InMemoryTransport[] transport = new InMemoryTransport[1];
        try (SessionHarness h = echo(seen, transport)) {
            transport[0] = h.transport;
            h.transport.feed(burst("alone"));
            h.transport.feed(burst("again"));
            assertEquals(List.of(1, 2), seen, "nothing held for a message with nothing after it");
            assertEquals(0, h.time.pending(), "nothing held, nothing watched");
        }
    }

    @Test
    void aHandlerWaitingForItsOwnSendMidBurstIsReleasedByTheHoldLimit() throws Exception {
        CompletableFuture<SendResult> firstResult = new CompletableFuture<>();
        List<String> order = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((session, config) -> session.addMessageHandler(String.class,
                text -> {
                    CompletableFuture<SendResult> result = new CompletableFuture<>();
                    session.getAsyncRemote().sendText("re:" + text, result::complete);
                    if (text.equals("first")) {
                        // As the TCK's WaitingSendHandler does, on the delivering thread.
                        firstResult.complete(result.orTimeout(10, TimeUnit.SECONDS).join());
                    }
                    order.add(text);
                }))) {
            Thread peer = new Thread(() -> h.transport.feed(burst("first", "second")), "delivering");
            peer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // Two timers: the async send's deadline, then the watch's tick for the first echo's hold.
            while (h.time.pending() < 2) {
                assertTrue(System.nanoTime() < deadline, "nothing was held");
                Thread.onSpinWait();
            }
            assertEquals(0, h.transport.writeCalls, "the first echo waits for the burst");
            h.time.advance(1);
            assertTrue(firstResult.get(5, TimeUnit.SECONDS).isOK());
            peer.join(5_000);
            assertEquals(List.of("first", "second"), order);
            assertEquals(List.of("re:first", "re:second"),
                    h.transport.frames().stream().map(InMemoryTransport.Frame::text).toList());
        }
    }
}
