package dev.ferry.client;

import static dev.ferry.client.RecordingEndpoint.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.Opcode;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Messages of every length class through a real socket, both ways, with masking checked. */
@Timeout(30)
class ClientEchoTest {

    static final int[] SIZES = {0, 125, 126, 65535, 65536, 1024 * 1024};

    private final List<Peer.Frame> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Peer.Frame> serverClose = new CompletableFuture<>();
    private TestServer server;
    private FerryClientContainer container;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(peer -> {
            peer.handshake();
            serverClose.complete(peer.echoUntilClose(received));
        });
        container = new FerryClientContainer();
        container.setDefaultMaxTextMessageBufferSize(2 * 1024 * 1024);
        container.setDefaultMaxBinaryMessageBufferSize(2 * 1024 * 1024);
    }

    @AfterEach
    void stop() throws Exception {
        container.close();
        server.close();
        assertEquals(List.of(), server.failures());
    }

    static String text(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }

    static byte[] binary(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void programmaticEndpointEchoesTextAndBinaryOfEverySize() throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(),
                server.uri("/echo"));
        for (int size : SIZES) {
            session.getBasicRemote().sendText(text(size));
            assertEquals(text(size), next(endpoint.texts, "text echo of " + size + " bytes"));
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(binary(size)));
            ByteBuffer echo = next(endpoint.binaries, "binary echo of " + size + " bytes");
            assertArrayEquals(binary(size), Peer.bytes(echo), "binary echo of " + size + " bytes");
        }
        session.close();
        assertEquals(1000, serverClose.get(5, TimeUnit.SECONDS).closeCode());
        assertEquals(1000, next(endpoint.closes, "onClose").getCloseCode().getCode());
        assertClientFramesMasked(2 * SIZES.length + 1);
    }

    @Test
    void asyncSendsFromAnotherThreadArriveInOrder() throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(),
                server.uri("/echo"));
        for (int i = 0; i < 50; i++) {
            session.getAsyncRemote().sendText("message " + i);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("message " + i, next(endpoint.texts, "echo " + i));
        }
        session.close();
        serverClose.get(5, TimeUnit.SECONDS);
    }

    private void assertClientFramesMasked(int expectedFrames) {
        assertEquals(expectedFrames, received.size(), "frames the server received");
        Set<Integer> keys = new HashSet<>();
        for (Peer.Frame frame : received) {
            assertTrue(frame.masked(), "client frame with opcode " + frame.opcode() + " is not masked");
            keys.add(frame.maskKey());
        }
        assertTrue(keys.size() > expectedFrames / 2, "mask keys barely vary: " + keys);
    }

    /** An annotated endpoint; its state lives in the instance, not in statics. */
    @ClientEndpoint(subprotocols = {"chat"})
    public static class AnnotatedEcho {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();
        final BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();

        @OnMessage
        public void text(String message) {
            texts.add(message);
        }

        @OnMessage
        public void binary(ByteBuffer message) {
            binaries.add(message);
        }

        @OnClose
        public void closed(CloseReason reason) {
            closes.add(reason);
        }
    }

    @Test
    void annotatedInstanceEchoesTextAndBinaryOfEverySize() throws Exception {
        AnnotatedEcho endpoint = new AnnotatedEcho();
        Session session = container.connectToServer(endpoint, server.uri("/echo"));
        for (int size : SIZES) {
            session.getBasicRemote().sendText(text(size));
            assertEquals(text(size), next(endpoint.texts, "text echo of " + size + " bytes"));
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(binary(size)));
            assertArrayEquals(binary(size), Peer.bytes(next(endpoint.binaries, "binary echo")));
        }
        session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
        Peer.Frame close = serverClose.get(5, TimeUnit.SECONDS);
        assertEquals(1000, close.closeCode());
        assertEquals("done", new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8));
        assertEquals(1000, next(endpoint.closes, "@OnClose").getCloseCode().getCode());
        assertClientFramesMasked(2 * SIZES.length + 1);
        assertEquals(Opcode.CLOSE, received.get(received.size() - 1).opcode());
    }
}
