package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.Opcode;
import jakarta.websocket.Decoder;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Large whole binary messages lent to ByteBuffer handlers: their arrays go back to the pool once
 * the handler returned and its sends are done, and nothing the application may still hold is
 * overwritten.
 */
class LentMessageTest {

    private static final int SIZE = 100 * 1024;
    private static final dev.ferry.config.SessionLimits LIMITS =
            new dev.ferry.config.SessionLimits(1 << 20, 1 << 20, 1 << 20, 0, 2_000, 500, 4 << 20, 0, 0);

    private static byte[] filled(int value) {
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void theNextLargeMessageReusesTheArrayOfTheLastOnceItsHandlerReturned() {
        List<byte[]> arrays = new CopyOnWriteArrayList<>();
        List<Byte> firstBytes = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(ByteBuffer.class, data -> {
            arrays.add(data.array());
            firstBytes.add(data.get(data.position()));
            assertEquals(SIZE, data.remaining());
            assertEquals(SIZE, data.capacity(), "the handler sees the message, not the rest of the array");
        }), LIMITS)) {
            h.clientFrame(true, Opcode.BINARY, filled(1));
            h.clientFrame(true, Opcode.BINARY, filled(2));
            h.clientFrame(true, Opcode.BINARY, filled(3));
            assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), firstBytes);
            assertSame(arrays.get(0), arrays.get(1));
            assertSame(arrays.get(1), arrays.get(2));
            assertEquals(128 * 1024, h.buffers.pooledBytes(), "back in the pool after the last");
        }
    }

    @Test
    void anEchoWithTheBasicRemoteSendsTheMessageAndGivesTheArrayBack() {
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(ByteBuffer.class, data -> {
            try {
                s.getBasicRemote().sendBinary(data);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }), LIMITS)) {
            h.clientFrame(true, Opcode.BINARY, filled(7));
            h.clientFrame(true, Opcode.BINARY, filled(8));
            List<dev.ferry.session.InMemoryTransport.Frame> frames = h.transport.frames();
            assertArrayEquals(filled(7), frames.get(0).payload());
            assertArrayEquals(filled(8), frames.get(1).payload());
            assertEquals(128 * 1024, h.buffers.pooledBytes());
        }
    }

    @Test
    void anAsyncSendFromAnotherThreadKeepsTheArrayUntilItIsWritten() throws Exception {
        List<byte[]> arrays = new CopyOnWriteArrayList<>();
        List<Future<Void>> sends = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(ByteBuffer.class, data -> {
            arrays.add(data.array());
            if (arrays.size() == 1) {
                // Handed to another thread, which sends it while the handler still runs.
                CompletableFuture<Future<Void>> queued = CompletableFuture.supplyAsync(
                        () -> s.getAsyncRemote().sendBinary(data));
                sends.add(queued.join());
            }
        }), LIMITS)) {
            h.transport.holdWrites = true;
            h.session.getAsyncRemote().sendText("occupies the transport");
            h.clientFrame(true, Opcode.BINARY, filled(1)); // its echo waits behind the held write
            h.clientFrame(true, Opcode.BINARY, filled(2));
            assertNotSame(arrays.get(0), arrays.get(1), "the array of a send under way is not lent again");
            h.transport.releaseWrites();
            sends.get(0).get(5, TimeUnit.SECONDS);
            assertArrayEquals(filled(1), h.lastFrame().payload(), "the first message went out as it came");
            assertEquals(2 * 128 * 1024, h.buffers.pooledBytes(), "both arrays are back once the send is done");
        }
    }

    @Test
    void aByteArrayHandlerGetsACopyItMayKeep() {
        List<byte[]> kept = new ArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) kept::add), LIMITS)) {
            h.clientFrame(true, Opcode.BINARY, filled(1));
            h.clientFrame(true, Opcode.BINARY, filled(2));
            assertArrayEquals(filled(1), kept.get(0));
            assertArrayEquals(filled(2), kept.get(1));
            assertEquals(128 * 1024, h.buffers.pooledBytes(), "the assembly array itself was pooled");
        }
    }

    /** Keeps the buffer it decodes: what a decoder makes of a buffer is not lent. */
    public static final class Keeping implements Decoder.Binary<Keeping> {
        ByteBuffer kept;

        @Override
        public Keeping decode(ByteBuffer bytes) {
            Keeping k = new Keeping();
            k.kept = bytes;
            return k;
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    @Test
    void aDecodedMessageKeepsAnArrayOfItsOwn() {
        List<Keeping> decoded = new CopyOnWriteArrayList<>();
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Object.class, "/d")
                .decoders(List.of(Keeping.class)).build();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(Keeping.class, (MessageHandler.Whole<Keeping>) decoded::add), LIMITS,
                null, config)) {
            h.clientFrame(true, Opcode.BINARY, filled(1));
            h.clientFrame(true, Opcode.BINARY, filled(2));
            assertEquals(1, decoded.get(0).kept.get(0));
            assertEquals(2, decoded.get(1).kept.get(0));
            assertEquals(0, h.buffers.pooledBytes());
        }
    }

    @Test
    void largeTextIsAssembledInAPooledArray() {
        List<String> texts = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(String.class, (MessageHandler.Whole<String>) texts::add), LIMITS)) {
            byte[] text = new byte[SIZE];
            Arrays.fill(text, (byte) 'a');
            h.clientFrame(true, Opcode.TEXT, text);
            assertEquals(SIZE, texts.get(0).length());
            assertTrue(texts.get(0).chars().allMatch(ch -> ch == 'a'));
            assertEquals(128 * 1024, h.buffers.pooledBytes());
        }
    }
}
