package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.SendCallback;
import dev.ferry.engine.deflate.MessageInflater;
import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.extension.DeflateParameters;
import dev.ferry.message.EncoderSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A message encoded once and queued on sessions that compress differently: each gets the frame its
 * own compressor could have sent (compressed once for every session without context takeover,
 * plain for those that keep a context, which stay decodable); a message being sent in parts is
 * never split by one; the session's encoders and its end are within reach.
 */
class SessionFanOutTest {

    private final ZlibPool pool = new ZlibPool(java.util.zip.Deflater.DEFAULT_COMPRESSION, 2);
    private final SessionLimits limits = new SessionLimits(1 << 20, 1 << 20, 1 << 20, 0, 2_000, 500, 1 << 20, 0, 0);

    @AfterEach
    void close() {
        pool.close();
    }

    private SessionHarness session(DeflateParameters deflate) {
        return new SessionHarness((s, c) -> { }, limits, deflate == null ? null : deflate.start(true, pool));
    }

    private static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }

    private static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    private static String inflate(MessageInflater inflater, InMemoryTransport.Frame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inflater.inflate(ByteBuffer.wrap(frame.payload()), p -> out.writeBytes(array(p)));
        inflater.endOfMessage(p -> out.writeBytes(array(p)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachSessionGetsTheFrameItsCompressionAllowsAndTheCompressedOneIsBuiltOnce() {
        String news = "{\"type\":\"say\",\"text\":\"" + "the same news for everyone ".repeat(8) + "\"}";
        SharedMessage message = SharedMessage.text(news, pool);
        DeflateParameters fresh = new DeflateParameters(true, false, 15, 15);
        try (SessionHarness plain = session(null);
                SessionHarness freshA = session(fresh);
                SessionHarness freshB = session(fresh);
                SessionHarness context = session(new DeflateParameters(false, false, 15, 15))) {
            for (SessionHarness h : List.of(plain, freshA, freshB, context)) {
                assertTrue(h.session.fanOut().queue(message, SendCallback.IGNORE, false));
            }
            assertEquals(0, plain.lastFrame().rsv());
            assertEquals(news, plain.lastFrame().text());
            assertEquals(PerMessageDeflate.RSV, freshA.lastFrame().rsv(), "compressed: no context to keep");
            assertTrue(freshA.lastFrame().payload().length < news.length() / 2);
            assertEquals(news, inflate(new MessageInflater(pool, true), freshA.lastFrame()));
            assertSame(freshA.transport.lastWriteBuffers[0].array(), freshB.transport.lastWriteBuffers[0].array(),
                    "compressed once, the same bytes for both");
            assertEquals(0, context.lastFrame().rsv(), "plain: its compressor keeps a context the frame would break");
            assertEquals(news, context.lastFrame().text());
        }
    }

    @Test
    void aSessionWithContextTakeoverStillDecodesItsOwnCompressedMessagesAroundAPlainOne() throws IOException {
        try (SessionHarness h = session(new DeflateParameters(false, false, 15, 15))) {
            MessageInflater peer = new MessageInflater(pool, false);
            h.session.getBasicRemote().sendText("hello hello hello, my own message");
            assertEquals("hello hello hello, my own message", inflate(peer, h.lastFrame()));
            h.session.fanOut().queue(SharedMessage.text("hello hello hello, a broadcast", pool), SendCallback.IGNORE,
                    false);
            assertEquals("hello hello hello, a broadcast", h.lastFrame().text());
            h.session.getBasicRemote().sendText("hello hello hello, my own again");
            assertEquals(PerMessageDeflate.RSV, h.lastFrame().rsv());
            assertEquals("hello hello hello, my own again", inflate(peer, h.lastFrame()), "the context is intact");
        }
    }

    @Test
    void anEmptyMessageGoesUncompressedAsTheSessionsOwnWould() {
        try (SessionHarness h = session(new DeflateParameters(true, false, 15, 15))) {
            h.session.fanOut().queue(SharedMessage.binary(ByteBuffer.allocate(0), pool), SendCallback.IGNORE, false);
            assertEquals(0, h.lastFrame().rsv());
            assertEquals(Opcode.BINARY, h.lastFrame().opcode());
            assertEquals(0, h.lastFrame().payload().length);
        }
    }

    @Test
    void aDeferredMessageWaitsForTheFlush() {
        try (SessionHarness h = session(null)) {
            h.session.fanOut().queue(SharedMessage.text("later", pool), SendCallback.IGNORE, true);
            assertNull(h.lastFrame());
            h.session.fanOut().flush();
            assertEquals("later", h.lastFrame().text());
        }
    }

    @Test
    void aMessageSentInPartsIsNotSplitByABroadcast() throws IOException {
        try (SessionHarness h = session(null)) {
            AtomicReference<Object> outcome = new AtomicReference<>("not called");
            h.session.getBasicRemote().sendText("first half, ", false);
            assertTrue(h.session.fanOut().queue(SharedMessage.text("news", pool), outcome::set, false));
            assertEquals("not called", outcome.get(), "waits for the last part");
            h.session.getBasicRemote().sendText("second half", true);
            List<String> texts = new ArrayList<>();
            for (InMemoryTransport.Frame f : h.transport.frames()) {
                texts.add(f.opcode() + ":" + f.fin() + ":" + f.text());
            }
            assertEquals(List.of(Opcode.TEXT + ":false:first half, ", Opcode.CONTINUATION + ":true:second half",
                    Opcode.TEXT + ":true:news"), texts);
            assertNull(outcome.get());
        }
    }

    @Test
    void overTheOutboundLimitItIsRefusedWithoutACallback() {
        SessionLimits small = new SessionLimits(1 << 20, 1 << 20, 1 << 20, 0, 2_000, 500, 100, 0, 0);
        try (SessionHarness h = new SessionHarness((s, c) -> { }, small)) {
            h.transport.holdWrites = true;
            SharedMessage big = SharedMessage.binary(ByteBuffer.allocate(150), pool);
            assertTrue(h.session.fanOut().queue(big, SendCallback.IGNORE, false));
            AtomicInteger told = new AtomicInteger();
            assertFalse(h.session.fanOut().queue(big, failure -> told.incrementAndGet(), false));
            assertEquals(0, told.get());
        }
    }

    @Test
    void encodesWithTheSessionsEncodersAndTellsOfItsEndOnce() throws Exception {
        try (SessionHarness h = session(null)) {
            EncoderSet.Encoded encoded = h.session.fanOut().encode(42);
            assertEquals("42", encoded.text());
            assertTrue(h.session.fanOut().isServer());
            assertSame(h.session, h.session.fanOut().session());
            AtomicInteger ends = new AtomicInteger();
            h.session.fanOut().onEnd(ends::incrementAndGet);
            assertEquals(0, ends.get());
            h.session.close();
            assertEquals(1, ends.get());
            h.session.fanOut().onEnd(ends::incrementAndGet);
            assertEquals(2, ends.get(), "a listener added after the end runs at once");
            AtomicReference<Object> outcome = new AtomicReference<>();
            h.session.fanOut().queue(SharedMessage.text("too late", pool), outcome::set, false);
            assertInstanceOf(IOException.class, outcome.get());
        }
    }

    @Test
    void theMessageKeepsItsPayloadForRelaying() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {9, 8, 7});
        SharedMessage message = SharedMessage.binary(data, pool);
        data.put(0, (byte) 0);
        assertFalse(message.isText());
        assertEquals(ByteBuffer.wrap(new byte[] {9, 8, 7}), message.payload(), "copied: the caller may reuse its buffer");
        assertTrue(message.payload().isReadOnly());
        assertEquals("grüß", text(SharedMessage.utf8(StandardCharsets.UTF_8.encode("grüß"), pool).payload()));
        assertTrue(SharedMessage.text("x", pool).isText());
    }
}
