package dev.ferry.client;

import static dev.ferry.client.RecordingEndpoint.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** wss:// through the SSLEngine adapter against an SSLServerSocket with a certificate made now. */
@Timeout(60)
class ClientTlsTest {

    @TempDir
    static Path keys;
    private static TestCertificates forLoopback;

    private final FerryClientContainer container = new FerryClientContainer();
    private TestServer server;

    @BeforeAll
    static void makeCertificate() throws Exception {
        forLoopback = TestCertificates.generate(keys, "ip:127.0.0.1");
        assumeTrue(forLoopback != null, "keytool is not available: TLS tests skipped");
    }

    @AfterEach
    void stop() throws Exception {
        container.close();
        if (server != null) {
            server.close();
            assertEquals(List.of(), server.failures());
        }
    }

    private ClientEndpointConfig trusting(TestCertificates certificates) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("dev.ferry.sslContext", certificates.trustingClientContext());
        return config;
    }

    @Test
    void echoOverWss() throws Exception {
        CompletableFuture<Peer.Frame> clientClose = new CompletableFuture<>();
        server = TestServer.startTls(forLoopback.serverContext(), peer -> {
            peer.handshake();
            clientClose.complete(peer.echoUntilClose(new ArrayList<>()));
        });
        container.setDefaultMaxBinaryMessageBufferSize(2 * 1024 * 1024);
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = container.connectToServer(endpoint, trusting(forLoopback), server.uri("/secure"));
        assertTrue(session.isSecure());
        session.getBasicRemote().sendText("over TLS");
        assertEquals("over TLS", next(endpoint.texts, "text echo"));
        for (int size : new int[] {0, 126, 65536, 1024 * 1024}) {
            byte[] payload = ClientEchoTest.binary(size);
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(payload));
            assertArrayEquals(payload, Peer.bytes(next(endpoint.binaries, "binary echo of " + size)));
        }
        session.close();
        assertEquals(1000, clientClose.get(5, TimeUnit.SECONDS).closeCode());
        assertEquals(1000, next(endpoint.closes, "onClose").getCloseCode().getCode());
    }

    @Test
    void messageRightAfterThe101IsDeliveredOverTls() throws Exception {
        server = TestServer.startTls(forLoopback.serverContext(), peer -> {
            Peer.Request request = peer.readRequest();
            byte[] head = Peer.switchingProtocols(request);
            byte[] frame = Peer.frame(dev.ferry.engine.frame.Opcode.TEXT, "first".getBytes());
            byte[] both = java.util.Arrays.copyOf(head, head.length + frame.length);
            System.arraycopy(frame, 0, both, head.length, frame.length);
            peer.send(both); // one TLS record holds the head and the frame
            peer.echoUntilClose(new ArrayList<>());
        });
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = container.connectToServer(endpoint, trusting(forLoopback), server.uri("/"));
        assertEquals("first", next(endpoint.texts, "the message sent with the 101"));
        session.close();
        assertEquals(1000, next(endpoint.closes, "onClose").getCloseCode().getCode());
    }

    @Test
    void certificateForAnotherHostIsRefused() throws Exception {
        TestCertificates forOtherHost = TestCertificates.generate(keys, "dns:example.com");
        server = TestServer.startTls(forOtherHost.serverContext(), peer -> {
            try {
                peer.readRequest();
            } catch (IOException expected) {
                // the client aborts the TLS handshake
            }
        });
        IOException e = assertThrows(IOException.class, () -> container.connectToServer(new RecordingEndpoint(),
                trusting(forOtherHost), server.uri("/")));
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
    }

    @Test
    void untrustedCertificateIsRefused() throws Exception {
        server = TestServer.startTls(forLoopback.serverContext(), peer -> {
            try {
                peer.readRequest();
            } catch (IOException expected) {
                // the client aborts the TLS handshake
            }
        });
        // No context given: the JDK's default trust store does not know our certificate.
        IOException e = assertThrows(IOException.class, () -> container.connectToServer(new RecordingEndpoint(),
                ClientEndpointConfig.Builder.create().build(), server.uri("/")));
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
    }
}
