package dev.ferry.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One frame encoded once and queued on several connections: every connection writes the same
 * bytes (the same backing array, not copies), in order with its own frames; deferred frames wait
 * for a flush; a connection over its outbound limit refuses without calling back, a closed one
 * fails the callback, a client refuses shared frames altogether.
 */
class SharedFrameTest {

    private final ManualScheduler time = new ManualScheduler();

    @AfterEach
    void stopClock() {
        time.stop();
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodesAWholeUnmaskedFrameOnceAndLeavesThePayloadAlone() {
        ByteBuffer payload = utf8("hello");
        SharedFrame frame = SharedFrame.of(Opcode.TEXT, 0, payload);
        assertEquals(7, frame.size(), "2 header bytes, 5 payload bytes");
        assertEquals(5, payload.remaining(), "the payload is copied, not consumed");
        assertEquals(FrameWriter.encode(true, 0, Opcode.TEXT, utf8("hello"), false, 0), frame.view());
        assertEquals(PerMessageDeflate.RSV, SharedFrame.of(Opcode.BINARY, PerMessageDeflate.RSV, payload).rsv());
        assertThrows(IllegalArgumentException.class, () -> SharedFrame.of(Opcode.PING, 0, payload));
        assertThrows(IllegalArgumentException.class, () -> SharedFrame.of(Opcode.CONTINUATION, 0, payload));
    }

    @Test
    void everyConnectionWritesTheSameBytesInOrderWithItsOwnFrames() {
        SharedFrame frame = SharedFrame.of(Opcode.TEXT, 0, utf8("to everyone"));
        RecordingTransport a = new RecordingTransport();
        RecordingTransport b = new RecordingTransport();
        WebSocketConnection ca = server(a, 1 << 20);
        WebSocketConnection cb = server(b, 1 << 20);
        ca.sendData(Opcode.TEXT, true, utf8("first, a's own"), SendCallback.IGNORE);
        List<Throwable> outcomes = new ArrayList<>();
        assertTrue(frame.queueOn(ca, outcomes::add, false));
        assertTrue(frame.queueOn(cb, outcomes::add, false));
        ca.sendData(Opcode.TEXT, true, utf8("last, a's own"), SendCallback.IGNORE);
        assertEquals(java.util.Arrays.asList(null, null), outcomes, "both written, both told");
        assertEquals(List.of("first, a's own", "to everyone", "last, a's own"), a.texts());
        assertEquals(List.of("to everyone"), b.texts());
        assertSame(a.writes.get(1)[0].array(), b.writes.get(0)[0].array(), "one array for both connections");
        assertEquals(11 + 2, frame.view().remaining(), "writing consumed the connections' views, not the frame");
    }

    @Test
    void aDeferredFrameWaitsForTheFlushAndThenLeavesWithWhatFollowedInOneWrite() {
        RecordingTransport t = new RecordingTransport();
        WebSocketConnection c = server(t, 1 << 20);
        AtomicReference<Object> outcome = new AtomicReference<>("not called");
        assertTrue(SharedFrame.of(Opcode.TEXT, 0, utf8("one")).queueOn(c, outcome::set, true));
        assertTrue(SharedFrame.of(Opcode.TEXT, 0, utf8("two")).queueOn(c, SendCallback.IGNORE, true));
        assertEquals(0, t.writes.size(), "deferred: nothing written yet");
        assertEquals("not called", outcome.get());
        assertEquals(0, time.pending(), "no hold limit is armed for a deferred frame");
        SharedFrame.flushQueued(c);
        assertEquals(1, t.writes.size(), "both frames in one gathered write");
        assertEquals(List.of("one", "two"), t.texts());
        assertNull(outcome.get());
        SharedFrame.flushQueued(c); // nothing left: no empty write
        assertEquals(1, t.writes.size());
    }

    @Test
    void aDeferredFrameLeavesWithTheConnectionsNextOwnSend() {
        RecordingTransport t = new RecordingTransport();
        WebSocketConnection c = server(t, 1 << 20);
        SharedFrame.of(Opcode.BINARY, 0, ByteBuffer.wrap(new byte[] {1, 2, 3})).queueOn(c, SendCallback.IGNORE, true);
        c.sendData(Opcode.TEXT, true, utf8("own"), SendCallback.IGNORE);
        assertEquals(1, t.writes.size());
        assertEquals(2, t.frames().size());
        assertEquals(Opcode.BINARY, t.frames().get(0)[0] & 0x0F);
    }

    @Test
    void overTheOutboundLimitItRefusesWithoutCallingBackAndQueuesNothing() {
        RecordingTransport t = new RecordingTransport();
        t.holdCompletions = true; // the peer reads nothing
        WebSocketConnection c = server(t, 100);
        SharedFrame frame = SharedFrame.of(Opcode.BINARY, 0, ByteBuffer.allocate(60));
        AtomicReference<Object> outcome = new AtomicReference<>("not called");
        assertTrue(frame.queueOn(c, SendCallback.IGNORE, false), "62 bytes queued: under 100");
        assertTrue(frame.queueOn(c, SendCallback.IGNORE, false), "124 bytes queued: the limit is passed now");
        assertFalse(frame.queueOn(c, outcome::set, false), "over the limit: refused");
        assertEquals("not called", outcome.get());
        t.completeAll();
        assertTrue(frame.queueOn(c, outcome::set, false), "the peer read: taken again");
    }

    @Test
    void aClosedConnectionFailsTheCallback() {
        RecordingTransport t = new RecordingTransport();
        WebSocketConnection c = server(t, 1 << 20);
        c.close(1000, "bye");
        AtomicReference<Object> outcome = new AtomicReference<>("not called");
        assertTrue(SharedFrame.of(Opcode.TEXT, 0, utf8("late")).queueOn(c, outcome::set, false));
        assertInstanceOf(IOException.class, outcome.get());
    }

    @Test
    void aClientConnectionRefusesSharedFrames() {
        WebSocketConnection client = new WebSocketConnection(new RecordingTransport(), new Listener(), new Sinks(),
                new ConnectionSettings(false, 1 << 20, 1 << 20, 1000), new Random(1), time, null, ConnectionCounters.NONE,
                new MessageBufferPool(0));
        SharedFrame frame = SharedFrame.of(Opcode.TEXT, 0, utf8("x"));
        assertThrows(IllegalStateException.class, () -> frame.queueOn(client, SendCallback.IGNORE, false));
    }

    @Test
    void itCountsAsAMessageSent() {
        List<String> counted = new ArrayList<>();
        ConnectionCounters counters = new ConnectionCounters() {
            @Override
            public void messageSent() {
                counted.add("message");
            }

            @Override
            public void bytesSent(long bytes) {
                counted.add(bytes + " bytes");
            }
        };
        WebSocketConnection c = new WebSocketConnection(new RecordingTransport(), new Listener(), new Sinks(),
                new ConnectionSettings(true, 1 << 20, 1 << 20, 1000), null, time, null, counters, new MessageBufferPool(0));
        SharedFrame.of(Opcode.TEXT, 0, utf8("abc")).queueOn(c, SendCallback.IGNORE, false);
        assertEquals(List.of("message", "5 bytes"), counted);
    }

    private WebSocketConnection server(RecordingTransport transport, long maxQueuedBytes) {
        WebSocketConnection c = new WebSocketConnection(transport, new Listener(), new Sinks(),
                new ConnectionSettings(true, 1 << 20, maxQueuedBytes, 1000), null, time, null, ConnectionCounters.NONE,
                new MessageBufferPool(0));
        c.start();
        return c;
    }

    /** Keeps every write's buffers as passed (to compare arrays) and what they held; completes at once unless told. */
    private static final class RecordingTransport implements Transport {
        final List<ByteBuffer[]> writes = new ArrayList<>();
        final List<byte[]> bytes = new ArrayList<>();
        final List<WriteCallback> pending = new ArrayList<>();
        boolean holdCompletions;

        @Override
        public void start(TransportListener listener) {
        }

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback done) {
            writes.add(buffers.clone());
            for (ByteBuffer b : buffers) {
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                bytes.add(copy);
            }
            if (holdCompletions) {
                pending.add(done);
            } else {
                done.completed();
            }
        }

        void completeAll() {
            holdCompletions = false;
            List<WriteCallback> done = new ArrayList<>(pending);
            pending.clear();
            done.forEach(WriteCallback::completed);
        }

        /** Each frame's bytes (the test's frames are small: one buffer per frame). */
        List<byte[]> frames() {
            return bytes;
        }

        List<String> texts() {
            List<String> texts = new ArrayList<>();
            for (byte[] frame : bytes) {
                assertEquals(0x80 | Opcode.TEXT, frame[0] & 0xFF, "a final text frame");
                texts.add(new String(frame, 2, frame[1], StandardCharsets.UTF_8));
            }
            return texts;
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void close(boolean abort) {
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return null;
        }

        @Override
        public InetSocketAddress localAddress() {
            return null;
        }

        @Override
        public boolean isSecure() {
            return false;
        }
    }

    private static final class Listener implements ConnectionListener {
        @Override
        public long maxTextMessageSize() {
            return 1 << 20;
        }

        @Override
        public long maxBinaryMessageSize() {
            return 1 << 20;
        }

        @Override
        public void onApplicationError(Throwable failure) {
        }

        @Override
        public void onClosed(int code, String reason) {
        }

        @Override
        public void onTransportClosed() {
        }
    }

    private static final class Sinks implements MessageSinks {
        @Override
        public TextSink textSink() {
            return null;
        }

        @Override
        public BinarySink binarySink() {
            return null;
        }

        @Override
        public PongSink pongSink() {
            return null;
        }
    }
}
