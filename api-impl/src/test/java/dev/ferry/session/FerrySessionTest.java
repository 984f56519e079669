package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.CloseFrames;
import dev.ferry.engine.frame.Opcode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FerrySessionTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static SessionHarness echo() {
        return new SessionHarness((session, config) -> {
            session.addMessageHandler(String.class, text -> {
                try {
                    session.getBasicRemote().sendText(text);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            session.addMessageHandler(ByteBuffer.class, data -> {
                try {
                    session.getBasicRemote().sendBinary(data);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        });
    }

    @Test
    void echoesTextAndBinary() {
        try (SessionHarness h = echo()) {
            h.clientFrame(true, Opcode.TEXT, utf8("héllo"));
            assertEquals("héllo", h.lastFrame().text());
            assertEquals(Opcode.TEXT, h.lastFrame().opcode());
            h.clientFrame(true, Opcode.BINARY, new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, h.lastFrame().payload());
            assertEquals(Opcode.BINARY, h.lastFrame().opcode());
        }
    }

    @Test
    void assemblesFragmentsWithControlFramesBetween() {
        try (SessionHarness h = echo()) {
            h.clientFrame(false, Opcode.TEXT, utf8("Hel"));
            h.clientFrame(true, Opcode.PING, utf8("p"));
            assertEquals(Opcode.PONG, h.lastFrame().opcode());
            assertEquals("p", h.lastFrame().text());
            h.clientFrame(true, Opcode.CONTINUATION, utf8("lo"));
            assertEquals("Hello", h.lastFrame().text());
        }
    }

    @Test
    void multiByteCharacterSplitAcrossFragmentsIsAccepted() {
        byte[] euro = utf8("€");
        try (SessionHarness h = echo()) {
            h.clientFrame(false, Opcode.TEXT, new byte[] {euro[0]});
            h.clientFrame(true, Opcode.CONTINUATION, new byte[] {euro[1], euro[2]});
            assertEquals("€", h.lastFrame().text());
        }
    }

    @Test
    void partialTextHandlerGetsPartsCutAtCodePoints() {
        List<String> parts = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((session, config) -> session.addMessageHandler(String.class,
                (MessageHandler.Partial<String>) (part, last) -> parts.add(part + (last ? "|" : ""))))) {
            byte[] euro = utf8("€");
            h.clientFrame(false, Opcode.TEXT, new byte[] {'a', euro[0]});
            h.clientFrame(true, Opcode.CONTINUATION, new byte[] {euro[1], euro[2], 'b'});
            assertEquals(List.of("a", "€b|"), parts);
        }
    }

    @Test
    void invalidUtf8ClosesWith1007AtTheBadByte() {
        try (SessionHarness h = echo()) {
            h.clientFrame(false, Opcode.TEXT, new byte[] {'o', 'k', (byte) 0xC0});
            assertEquals(Opcode.CLOSE, h.lastFrame().opcode());
            assertEquals(1007, h.lastFrame().closeCode());
            assertTrue(h.transport.closed);
            assertEquals(1007, h.closes.get(0).getCloseCode().getCode());
        }
    }

    @Test
    void tooBigTextClosesWith1009NamingTheSetting() {
        try (SessionHarness h = echo()) {
            h.clientFrame(true, Opcode.TEXT, new byte[1025]);
            assertEquals(1009, h.lastFrame().closeCode());
            assertTrue(h.closes.get(0).getReasonPhrase().contains("maxTextMessageBufferSize"));
            assertTrue(h.transport.closed);
        }
    }

    @Test
    void aMessageNoHandlerTakesIsDroppedAndOneAddedLaterGetsTheNext() {
        List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(String.class, (jakarta.websocket.MessageHandler.Whole<String>) texts::add))) {
            h.clientFrame(false, Opcode.BINARY, new byte[] {1});
            h.clientFrame(true, Opcode.CONTINUATION, new byte[] {2});
            h.clientFrame(true, Opcode.TEXT, utf8("still open"));
            assertEquals(List.of("still open"), texts);
            assertTrue(h.transport.frames().isEmpty(), "nothing was sent: no close");
            List<byte[]> binaries = new java.util.concurrent.CopyOnWriteArrayList<>();
            h.session.addMessageHandler(ByteBuffer.class,
                    (jakarta.websocket.MessageHandler.Whole<ByteBuffer>) b -> binaries.add(SessionHarness.bytes(b)));
            h.clientFrame(true, Opcode.BINARY, new byte[] {3});
            assertEquals(1, binaries.size());
            assertArrayEquals(new byte[] {3}, binaries.get(0));
        }
    }

    @Test
    void aDroppedTextMessageIsStillCheckedForUtf8() {
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(ByteBuffer.class, b -> { }))) {
            h.clientFrame(true, Opcode.TEXT, new byte[] {(byte) 0xC0, (byte) 0x80});
            assertEquals(1007, h.lastFrame().closeCode());
        }
    }

    @Test
    void unmaskedFrameIsAProtocolError() {
        try (SessionHarness h = echo()) {
            h.transport.feed(new byte[] {(byte) 0x81, 0x01, 'x'});
            assertEquals(1002, h.lastFrame().closeCode());
            assertTrue(h.transport.closed);
            assertEquals(1, h.closes.size());
        }
    }

    @Test
    void closedSessionRefusesUseButStillAnswersQuestions() {
        try (SessionHarness h = echo()) {
            h.clientFrame(true, Opcode.CLOSE, SessionHarness.bytes(CloseFrames.encodePayload(1000, "")));
            assertEquals(1, h.closes.size());
            assertThrows(IllegalStateException.class, h.session::getBasicRemote);
            assertThrows(IllegalStateException.class, h.session::getAsyncRemote);
            assertThrows(IllegalStateException.class, () -> h.session.addMessageHandler(String.class, t -> { }));
            assertFalse(h.session.isOpen());
            assertNotNull(h.session.getId());
        }
    }

    @Test
    void anExceptionFromOnCloseGoesToOnError() {
        try (SessionHarness h = echo()) {
            IllegalStateException thrown = new IllegalStateException("onClose failed");
            h.duringClose = s -> {
                throw thrown;
            };
            h.clientFrame(true, Opcode.CLOSE, SessionHarness.bytes(CloseFrames.encodePayload(1000, "")));
            assertEquals(1, h.closes.size());
            assertEquals(List.of(thrown), h.errors);
            assertEquals(1000, h.lastFrame().closeCode(), "the close was still answered");
        }
    }

    @Test
    void isOpenStaysTrueUntilOnCloseHasReturned() {
        try (SessionHarness h = echo()) {
            java.util.concurrent.atomic.AtomicReference<Boolean> openInside = new java.util.concurrent.atomic.AtomicReference<>();
            h.duringClose = s -> openInside.set(s.isOpen());
            h.clientFrame(true, Opcode.CLOSE, SessionHarness.bytes(CloseFrames.encodePayload(1000, "")));
            assertEquals(Boolean.TRUE, openInside.get(), "a thread waiting for !isOpen() would miss what onClose does");
            assertFalse(h.session.isOpen());
        }
    }

    @Test
    void peerCloseIsEchoedAndTcpClosedAfterwards() {
        try (SessionHarness h = echo()) {
            h.clientFrame(true, Opcode.CLOSE, SessionHarness.bytes(CloseFrames.encodePayload(4001, "bye")));
            InMemoryTransport.Frame reply = h.lastFrame();
            assertEquals(Opcode.CLOSE, reply.opcode());
            assertEquals(4001, reply.closeCode());
            assertTrue(h.transport.closed);
            assertFalse(h.transport.aborted);
            assertEquals(4001, h.closes.get(0).getCloseCode().getCode());
            assertEquals("bye", h.closes.get(0).getReasonPhrase());
            assertFalse(h.session.isOpen());
        }
    }

    @Test
    void emptyCloseIsEchoedEmptyAndReportedAs1005() {
        try (SessionHarness h = echo()) {
            h.clientFrame(true, Opcode.CLOSE, new byte[0]);
            assertEquals(0, h.lastFrame().payload().length);
            assertEquals(1005, h.closes.get(0).getCloseCode().getCode());
        }
    }

    @Test
    void invalidCloseCodeIsAProtocolError() {
        try (SessionHarness h = echo()) {
            h.clientFrame(true, Opcode.CLOSE, new byte[] {0x03, (byte) 0xE7}); // 999
            assertEquals(1002, h.lastFrame().closeCode());
        }
    }

    @Test
    void localCloseTellsTheEndpointAtOnceAndClosesTcpAfterThePeersReply() throws IOException {
        try (SessionHarness h = echo()) {
            h.session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
            assertEquals(1000, h.lastFrame().closeCode());
            assertEquals(1, h.closes.size());
            assertEquals("done", h.closes.get(0).getReasonPhrase());
            assertFalse(h.session.isOpen());
            assertFalse(h.transport.closed, "TCP waits for the peer's close frame");
            // A message the peer sent before it saw our close is read and dropped.
            h.clientFrame(true, Opcode.TEXT, utf8("in flight"));
            assertEquals(Opcode.CLOSE, h.lastFrame().opcode());
            h.clientFrame(true, Opcode.CLOSE, SessionHarness.bytes(CloseFrames.encodePayload(1000, "")));
            assertTrue(h.transport.closed);
            assertEquals(1, h.closes.size());
        }
    }

    @Test
    void idleTimeoutSendsGoingAwayAndReportsAnAbnormalClosure() {
        try (SessionHarness h = echo()) {
            h.session.setMaxIdleTimeout(100);
            h.time.advance(60);
            h.clientFrame(true, Opcode.TEXT, utf8("still here"));
            h.time.advance(60);
            assertTrue(h.closes.isEmpty(), "traffic 60 ms ago restarted the idle clock");
            h.time.advance(40);
            assertEquals(1001, h.lastFrame().closeCode());
            assertEquals(1, h.closes.size());
            assertEquals(1006, h.closes.get(0).getCloseCode().getCode());
            assertTrue(h.closes.get(0).getReasonPhrase().contains("Idle timeout"));
        }
    }

    @Test
    void localCloseWithoutReplyDropsTcpAtTheCloseTimeout() throws Exception {
        try (SessionHarness h = echo()) {
            h.session.close();
            h.time.advance(499);
            assertFalse(h.transport.closed, "the peer still has 1 ms of the 500 ms close timeout");
            h.time.advance(1);
            assertTrue(h.transport.closed);
            assertTrue(h.transport.aborted);
            assertEquals(1, h.closes.size());
        }
    }

    @Test
    void peerVanishingGives1006Once() {
        try (SessionHarness h = echo()) {
            h.clientFrame(false, Opcode.TEXT, utf8("half"));
            h.transport.endOfInput();
            h.transport.endOfInput();
            assertEquals(1, h.closes.size());
            assertEquals(1006, h.closes.get(0).getCloseCode().getCode());
        }
    }

    @Test
    void handlerExceptionGoesToOnErrorAndSessionStaysOpen() {
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(String.class, t -> {
            throw new IllegalStateException("boom");
        }))) {
            h.clientFrame(true, Opcode.TEXT, utf8("x"));
            assertEquals("boom", h.errors.get(0).getMessage());
            assertTrue(h.session.isOpen());
        }
    }

    @Test
    void pongsReachThePongHandler() {
        List<String> pongs = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((s, c) -> s.addMessageHandler(PongMessage.class,
                p -> pongs.add(StandardCharsets.UTF_8.decode(p.getApplicationData()).toString())))) {
            h.clientFrame(true, Opcode.PONG, utf8("hb"));
            assertEquals(List.of("hb"), pongs);
        }
    }

    @Test
    void partialSendsBecomeOneFragmentedMessage() throws IOException {
        try (SessionHarness h = echo()) {
            h.session.getBasicRemote().sendText("a", false);
            assertThrows(IllegalStateException.class, () -> h.session.getBasicRemote().sendText("whole"));
            h.session.getBasicRemote().sendText("b", true);
            List<InMemoryTransport.Frame> frames = h.transport.frames();
            assertEquals(Opcode.TEXT, frames.get(0).opcode());
            assertFalse(frames.get(0).fin());
            assertEquals(Opcode.CONTINUATION, frames.get(1).opcode());
            assertTrue(frames.get(1).fin());
        }
    }

    @Test
    void sendStreamAndWriterProduceOneMessageEach() throws IOException {
        try (SessionHarness h = echo()) {
            byte[] big = new byte[20_000];
            try (OutputStream out = h.session.getBasicRemote().getSendStream()) {
                out.write(big);
            }
            try (Writer w = h.session.getBasicRemote().getSendWriter()) {
                w.write("x".repeat(10_000));
            }
            List<InMemoryTransport.Frame> frames = h.transport.frames();
            int binaryBytes = 0;
            int textChars = 0;
            for (InMemoryTransport.Frame f : frames) {
                if (f.opcode() == Opcode.BINARY || (f.opcode() == Opcode.CONTINUATION && textChars == 0)) {
                    binaryBytes += f.payload().length;
                } else {
                    textChars += f.payload().length;
                }
            }
            assertEquals(20_000, binaryBytes);
            assertEquals(10_000, textChars);
            assertTrue(frames.get(frames.size() - 1).fin());
        }
    }

    @Test
    void blockingSendFailsAtItsDeadlineWhenThePeerDoesNotRead() {
        try (SessionHarness h = echo()) {
            h.transport.holdWrites = true;
            IOException e = assertThrows(IOException.class, () -> h.session.getBasicRemote().sendText("stuck"));
            assertTrue(e.getMessage().contains("send timeout"), e.getMessage());
            assertTrue(h.transport.closed);
        }
    }

    @Test
    void asyncSendCompletesWhenWritten() throws Exception {
        try (SessionHarness h = echo()) {
            h.transport.holdWrites = true;
            Future<Void> f = h.session.getAsyncRemote().sendText("later");
            assertFalse(f.isDone());
            h.transport.releaseWrites();
            f.get(1, TimeUnit.SECONDS);
            assertEquals("later", h.lastFrame().text());
        }
    }

    @Test
    void readingPausesWhileTooMuchIsQueuedAndResumesWhenDrained() {
        try (SessionHarness h = echo()) {
            h.transport.holdWrites = true;
            for (int i = 0; i < 80; i++) {
                h.clientFrame(true, Opcode.PING, new byte[100]);
            }
            assertFalse(h.transport.paused, "80 pongs of ~100 bytes stay under 64 KiB");
            for (int i = 0; i < 1000; i++) {
                h.clientFrame(true, Opcode.PING, new byte[100]);
            }
            assertTrue(h.transport.paused);
            h.transport.releaseWrites();
            assertFalse(h.transport.paused);
        }
    }

    @Test
    void writtenBytesStopCountingAgainstTheQueueLimit() {
        try (SessionHarness h = echo()) {
            // 1000 echoes of 100 bytes: far more than the 64 KiB limit in all, never queued at once.
            for (int i = 0; i < 1000; i++) {
                h.clientFrame(true, Opcode.TEXT, "x".repeat(100).getBytes(StandardCharsets.UTF_8));
            }
            assertFalse(h.transport.paused, "reading paused although every write completed");
            h.clientFrame(true, Opcode.TEXT, "still read".getBytes(StandardCharsets.UTF_8));
            assertEquals("still read", h.lastFrame().text());
        }
    }

    @Test
    void pingOver125BytesIsRefused() {
        try (SessionHarness h = echo()) {
            assertThrows(IllegalArgumentException.class,
                    () -> h.session.getBasicRemote().sendPing(ByteBuffer.allocate(126)));
        }
    }

    @Test
    void sendsFromTheDeliveringThreadAreRefusedOnceTheQueueIsFull() {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        int[] sent = new int[1];
        try (SessionHarness h = new SessionHarness((session, config) -> session.addMessageHandler(String.class, t -> {
            // A handler that floods a peer that does not read: 200 x 1 KiB against a 64 KiB limit.
            for (int i = 0; i < 200; i++) {
                try {
                    session.getBasicRemote().sendText("x".repeat(1024));
                    sent[0]++;
                } catch (IOException e) {
                    failures.add(e);
                }
            }
        }))) {
            h.transport.holdWrites = true;
            h.clientFrame(true, Opcode.TEXT, utf8("go"));
            assertTrue(sent[0] >= 64 && sent[0] < 70, "sent " + sent[0]);
            assertEquals(200 - sent[0], failures.size());
            assertTrue(failures.get(0).getMessage().contains("dev.ferry.maxOutboundBytes"));
        }
    }

    @Test
    void asyncSendsPastTheOutboundLimitFailWithAClearException() throws Exception {
        try (SessionHarness h = echo()) {
            h.transport.holdWrites = true;
            List<Future<Void>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sends.add(h.session.getAsyncRemote().sendText("y".repeat(1024)));
            }
            int failed = 0;
            for (Future<Void> f : sends) {
                if (f.isDone()) {
                    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                            () -> f.get(0, TimeUnit.SECONDS));
                    assertTrue(e.getCause().getMessage().contains("dev.ferry.maxOutboundBytes"), e.getCause().getMessage());
                    failed++;
                }
            }
            // 64 KiB limit: about 64 of the 1 KiB messages are queued, the rest refused at once.
            assertTrue(failed >= 30 && failed <= 37, "failed " + failed);
            h.transport.releaseWrites();
            for (Future<Void> f : sends.subList(0, 60)) {
                f.get(1, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void waitingOnAnAsyncSendInsideAHandlerDoesNotHang() throws Exception {
        List<String> outcome = new CopyOnWriteArrayList<>();
        try (SessionHarness h = new SessionHarness((session, config) -> session.addMessageHandler(String.class, t -> {
            try {
                // The transport holds the write: a real wait here would never end on Tomcat.
                session.getAsyncRemote().sendText("reply to " + t).get(5, TimeUnit.SECONDS);
                outcome.add("returned");
            } catch (Exception e) {
                outcome.add(e.toString());
            }
        }))) {
            h.transport.holdWrites = true;
            long start = System.nanoTime();
            h.clientFrame(true, Opcode.TEXT, utf8("x"));
            assertEquals(List.of("returned"), outcome);
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000);
            h.transport.releaseWrites();
            assertEquals("reply to x", h.lastFrame().text());
        }
    }

    @Test
    void asyncFutureFromAnotherThreadWaitsForTheWrite() throws Exception {
        try (SessionHarness h = echo()) {
            h.transport.holdWrites = true;
            Future<Void> f = h.session.getAsyncRemote().sendText("later");
            assertThrows(java.util.concurrent.TimeoutException.class, () -> f.get(100, TimeUnit.MILLISECONDS));
            h.transport.releaseWrites();
            f.get(1, TimeUnit.SECONDS);
            assertTrue(f.isDone());
        }
    }
}
