package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.Opcode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A blocking send of the application's own buffer from the thread that delivers messages: where
 * the transport lets that thread wait (direct I/O, Jetty's route, the client), it waits and the
 * buffer goes out as it is; where it may not (the servlet route), it returns at once with a copy
 * on its way, so the application may reuse its buffer either way.
 */
@Timeout(30)
class DeliveringThreadSendTest {

    private static final int LARGE = 64 * 1024; // past the size up to which frames are copied behind their header

    private static SessionHarness binaryEchoReusingItsBuffer(CompletableFuture<ByteBuffer> sent) {
        return new SessionHarness((session, config) -> session.addMessageHandler(String.class, text -> {
            ByteBuffer mine = ByteBuffer.allocate(LARGE);
            Arrays.fill(mine.array(), (byte) 'a');
            try {
                session.getBasicRemote().sendBinary(mine);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            sent.complete(mine);
            Arrays.fill(mine.array(), (byte) 'z'); // reused at once, as the API allows
        }));
    }

    @Test
    void whereItMayWaitTheApplicationsBufferGoesOutUncopiedAndTheSendWaitsForIt() throws Exception {
        CompletableFuture<ByteBuffer> sent = new CompletableFuture<>();
        try (SessionHarness h = binaryEchoReusingItsBuffer(sent)) {
            h.transport.deliveringThreadMayWait = true;
            h.transport.holdWrites = true;
            Thread delivering = new Thread(() -> h.clientFrame(true, Opcode.TEXT, "go".getBytes(StandardCharsets.UTF_8)),
                    "delivering");
            delivering.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (h.transport.writeCalls == 0) {
                assertTrue(System.nanoTime() < deadline, "nothing was written");
                Thread.onSpinWait();
            }
            assertTrue(!sent.isDone(), "the send returned before its bytes were written");
            h.transport.releaseWrites();
            ByteBuffer mine = sent.get(5, TimeUnit.SECONDS);
            delivering.join(5_000);
            assertSame(mine, h.transport.lastWriteBuffers[1], "the payload went out from the application's buffer");
            assertEquals(LARGE, h.lastFrame().payload().length);
            assertEquals('a', h.lastFrame().payload()[LARGE - 1]);
        }
    }

    @Test
    void whereItMayNotWaitTheSendReturnsAtOnceWithACopyOnItsWay() throws Exception {
        CompletableFuture<ByteBuffer> sent = new CompletableFuture<>();
        try (SessionHarness h = binaryEchoReusingItsBuffer(sent)) {
            h.transport.holdWrites = true; // Tomcat would not say "writable" before the handler returns
            h.clientFrame(true, Opcode.TEXT, "go".getBytes(StandardCharsets.UTF_8));
            ByteBuffer mine = sent.getNow(null);
            assertTrue(mine != null, "the send waited on the delivering thread");
            assertNotSame(mine, h.transport.lastWriteBuffers[1]);
            h.transport.releaseWrites();
            assertEquals('a', h.lastFrame().payload()[LARGE - 1], "the application's later change leaked into the frame");
        }
    }
}
