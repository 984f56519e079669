package dev.ferry.client;

import static dev.ferry.client.RecordingEndpoint.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How connections end: from either side, on a protocol error, and when the container closes. */
@Timeout(30)
class ClientCloseTest {

    private final FerryClientContainer container = new FerryClientContainer();
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        container.close();
        if (server != null) {
            server.close();
            assertEquals(List.of(), server.failures());
        }
    }

    private Session connect(RecordingEndpoint endpoint) throws Exception {
        return container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), server.uri("/"));
    }

    @Test
    void maskedServerFrameMakesTheClientCloseWith1002() throws Exception {
        CompletableFuture<Peer.Frame> clientClose = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            peer.handshake();
            ByteBuffer payload = ByteBuffer.wrap("masked".getBytes(StandardCharsets.UTF_8));
            peer.send(Peer.bytes(FrameWriter.encode(true, 0, Opcode.TEXT, payload, true, 0x12345678)));
            clientClose.complete(peer.readFrame());
            peer.clientClosedTcp();
        });
        RecordingEndpoint endpoint = new RecordingEndpoint();
        connect(endpoint);
        Peer.Frame close = clientClose.get(5, TimeUnit.SECONDS);
        assertEquals(Opcode.CLOSE, close.opcode());
        assertEquals(1002, close.closeCode());
        assertEquals(1002, next(endpoint.closes, "onClose").getCloseCode().getCode());
        assertTrue(endpoint.texts.isEmpty(), "the masked frame was delivered: " + endpoint.texts);
    }

    @Test
    void serverInitiatedCloseReportsTheServersCode() throws Exception {
        CompletableFuture<Peer.Frame> echoed = new CompletableFuture<>();
        CompletableFuture<Boolean> tcpClosed = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            peer.handshake();
            peer.sendClose(4001, "bye now");
            echoed.complete(peer.readFrame());
            tcpClosed.complete(peer.clientClosedTcp());
        });
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint);
        CloseReason reason = next(endpoint.closes, "onClose");
        assertEquals(4001, reason.getCloseCode().getCode());
        assertEquals("bye now", reason.getReasonPhrase());
        Peer.Frame echo = echoed.get(5, TimeUnit.SECONDS);
        assertEquals(Opcode.CLOSE, echo.opcode());
        assertEquals(4001, echo.closeCode());
        assertTrue(echo.masked());
        assertTrue(tcpClosed.get(6, TimeUnit.SECONDS), "the client did not close TCP after the close handshake");
        assertClosesSoon(session);
    }

    @Test
    void clientInitiatedCloseSends1000AndCallsOnCloseOnce() throws Exception {
        CompletableFuture<Peer.Frame> clientClose = new CompletableFuture<>();
        CompletableFuture<Boolean> tcpClosed = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            peer.handshake();
            List<Peer.Frame> frames = new ArrayList<>();
            clientClose.complete(peer.echoUntilClose(frames));
            tcpClosed.complete(peer.clientClosedTcp());
        });
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint);
        session.close();
        assertEquals(1000, clientClose.get(5, TimeUnit.SECONDS).closeCode());
        assertEquals(1000, next(endpoint.closes, "onClose").getCloseCode().getCode());
        assertTrue(tcpClosed.get(6, TimeUnit.SECONDS), "the client did not close TCP after the close handshake");
        session.close(); // a second close changes nothing
        Thread.sleep(100);
        assertEquals(1, endpoint.closeCount.get(), "onClose calls");
        assertClosesSoon(session);
    }

    @Test
    void serverVanishingWithoutCloseFrameGives1006() throws Exception {
        server = TestServer.start(Peer::handshake); // the socket closes when the script returns
        RecordingEndpoint endpoint = new RecordingEndpoint();
        connect(endpoint);
        assertEquals(1006, next(endpoint.closes, "onClose").getCloseCode().getCode());
        Thread.sleep(100);
        assertEquals(1, endpoint.closeCount.get());
    }

    @Test
    void closingTheContainerClosesSessionsWith1001AndStopsItsThreads() throws Exception {
        CompletableFuture<Peer.Frame> clientClose = new CompletableFuture<>();
        server = TestServer.start(peer -> {
            peer.handshake();
            clientClose.complete(peer.echoUntilClose(new ArrayList<>()));
            peer.clientClosedTcp();
        });
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint);
        Thread io = container.ioThread();
        assertNotNull(io);
        assertEquals(ClientRuntime.IO_THREAD_NAME, io.getName());
        assertTrue(io.isDaemon());
        container.close();
        assertEquals(1001, clientClose.get(5, TimeUnit.SECONDS).closeCode());
        assertEquals(1001, next(endpoint.closes, "onClose").getCloseCode().getCode());
        io.join(2_000);
        assertFalse(io.isAlive(), "the I/O thread outlived close()");
        assertClosesSoon(session);
        assertThrowsDeployment(() -> connect(new RecordingEndpoint()));
    }

    @Test
    void closingTheContainerDropsSessionsWhoseServerDoesNotAnswer() throws Exception {
        server = TestServer.start(peer -> {
            peer.handshake();
            peer.readFrame(); // the close frame, never answered
            peer.clientClosedTcp();
        });
        RecordingEndpoint endpoint = new RecordingEndpoint();
        connect(endpoint);
        long start = System.nanoTime();
        container.close();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(took < 3_000, "close() took " + took + " ms");
        assertEquals(1001, next(endpoint.closes, "onClose").getCloseCode().getCode());
        assertEquals(1, endpoint.closeCount.get());
    }

    private static void assertThrowsDeployment(org.junit.jupiter.api.function.Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(jakarta.websocket.DeploymentException.class, call);
    }

    /** isOpen() turns false once onClose has returned, which may be just after the recorder saw the call. */
    private static void assertClosesSoon(Session session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (session.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(session.isOpen(), "the session is still open 2 s after onClose");
    }
}
