package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.deflate.MessageDeflater;
import dev.ferry.engine.deflate.MessageInflater;
import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.extension.DeflateParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** permessage-deflate inside a session: RSV1 handling, limits on inflated size, compressed replies. */
class CompressedSessionTest {

    private final ZlibPool pool = new ZlibPool(java.util.zip.Deflater.DEFAULT_COMPRESSION, 2);
    private final DeflateParameters agreed = new DeflateParameters(false, false, 15, 15);
    /** The client's side of the compression, to make frames and read replies. */
    private final MessageDeflater client = new MessageDeflater(pool, false);
    private final MessageInflater clientInflater = new MessageInflater(pool, false);

    @AfterEach
    void close() {
        pool.close();
    }

    private SessionHarness echo(int maxText) {
        return new SessionHarness((session, config) -> session.addMessageHandler(String.class, text -> {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }), new SessionLimits(maxText, maxText, 1 << 20, 0, 2_000, 500, 1 << 20, 0, 0),
                agreed.start(true, pool));
    }

    private static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    private String inflateReply(InMemoryTransport.Frame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        clientInflater.inflate(ByteBuffer.wrap(frame.payload()), p -> out.writeBytes(array(p)));
        clientInflater.endOfMessage(p -> out.writeBytes(array(p)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compressedMessagesAreInflatedAndRepliesCompressed() {
        try (SessionHarness h = echo(1 << 20)) {
            for (String text : List.of("Hello", "Hello", "x".repeat(50_000), "déjà vu €")) {
                byte[] compressed = array(client.deflate(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true));
                h.clientFrame(true, PerMessageDeflate.RSV, Opcode.TEXT, compressed);
                InMemoryTransport.Frame reply = h.lastFrame();
                assertEquals(PerMessageDeflate.RSV, reply.rsv());
                assertEquals(text, inflateReply(reply));
            }
            assertTrue(h.session.isOpen());
        }
    }

    @Test
    void fragmentedCompressedMessageHasRsv1OnItsFirstFrameOnly() {
        try (SessionHarness h = echo(1 << 20)) {
            byte[] compressed = array(client.deflate(ByteBuffer.wrap("fragmented hello".getBytes(StandardCharsets.UTF_8)), true));
            int cut = compressed.length / 2;
            h.clientFrame(false, PerMessageDeflate.RSV, Opcode.TEXT, java.util.Arrays.copyOf(compressed, cut));
            h.clientFrame(true, 0, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(compressed, cut, compressed.length));
            assertEquals("fragmented hello", inflateReply(h.lastFrame()));
        }
    }

    @Test
    void rsv1OnAContinuationFrameIsAProtocolError() {
        try (SessionHarness h = echo(1 << 20)) {
            h.clientFrame(false, 0, Opcode.TEXT, "a".getBytes(StandardCharsets.UTF_8));
            h.clientFrame(true, PerMessageDeflate.RSV, Opcode.CONTINUATION, new byte[] {0});
            assertEquals(1002, h.lastFrame().closeCode());
        }
    }

    @Test
    void rsv1OnAControlFrameIsAProtocolError() {
        try (SessionHarness h = echo(1 << 20)) {
            h.clientFrame(true, PerMessageDeflate.RSV, Opcode.PING, new byte[0]);
            assertEquals(1002, h.lastFrame().closeCode());
        }
    }

    @Test
    void aCompressionBombIsRefusedWith1009() {
        try (SessionHarness h = echo(64 * 1024)) {
            // 64 MiB of zeros compress to about 64 KiB; the limit is 64 KiB inflated.
            MessageDeflater bomb = new MessageDeflater(pool, true);
            ByteBuffer zeros = ByteBuffer.allocate(64 << 20);
            byte[] compressed = array(bomb.deflate(zeros, true));
            assertTrue(compressed.length < 128 * 1024, "bomb is " + compressed.length + " bytes");
            h.clientFrame(true, PerMessageDeflate.RSV, Opcode.TEXT, compressed);
            assertEquals(1009, h.lastFrame().closeCode());
            assertTrue(h.closes.get(0).getReasonPhrase().contains("maxTextMessageBufferSize"));
        }
    }

    @Test
    void uncompressedMessagesStillWorkWhenDeflateWasAgreed() {
        try (SessionHarness h = echo(1 << 20)) {
            h.clientFrame(true, 0, Opcode.TEXT, "plain".getBytes(StandardCharsets.UTF_8));
            assertEquals("plain", inflateReply(h.lastFrame()));
        }
    }

    @Test
    void withoutNegotiationRsv1IsAProtocolError() {
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(String.class, t -> { }))) {
            h.clientFrame(true, PerMessageDeflate.RSV, Opcode.TEXT, new byte[] {1});
            assertEquals(1002, h.lastFrame().closeCode());
        }
    }

    @Test
    void partsOfACompressedMessageEndWithLastOnTheFinalData() {
        List<String> parts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((session, config) -> session.addMessageHandler(String.class,
                (jakarta.websocket.MessageHandler.Partial<String>) (part, last) -> parts.add(part + (last ? "|" : ""))),
                new SessionLimits(1 << 20, 1 << 20, 1 << 20, 0, 2_000, 500, 1 << 20, 0, 0),
                agreed.start(true, pool))) {
            String text = "grüße ".repeat(10_000);
            byte[] compressed = array(client.deflate(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true));
            int cut = compressed.length / 2;
            h.clientFrame(false, PerMessageDeflate.RSV, Opcode.TEXT, java.util.Arrays.copyOf(compressed, cut));
            h.clientFrame(true, 0, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(compressed, cut, compressed.length));
            assertTrue(parts.size() >= 2, "parts: " + parts.size());
            String lastPart = parts.get(parts.size() - 1);
            assertTrue(lastPart.endsWith("|") && lastPart.length() > 1, "the final part carries data and last=true");
            assertEquals(1, parts.stream().filter(p -> p.endsWith("|")).count());
            assertEquals(text, String.join("", parts).replace("|", ""));
        }
    }
}
