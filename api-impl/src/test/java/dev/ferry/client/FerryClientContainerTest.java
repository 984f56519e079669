package dev.ferry.client;

import static dev.ferry.client.RecordingEndpoint.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The container's API: how endpoints are given, its defaults, its threads, its discovery. */
@Timeout(30)
class FerryClientContainerTest {

    private final FerryClientContainer container = new FerryClientContainer();
    private final BlockingQueue<String> serverReceived = new LinkedBlockingQueue<>();
    private final BlockingQueue<Peer.Request> requests = new LinkedBlockingQueue<>();
    private TestServer server;

    /** Accepts any subprotocol offered first, says "hi", then records texts until the client closes. */
    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(peer -> {
            Peer.Request request = peer.readRequest();
            requests.add(request);
            String offered = request.header("Sec-WebSocket-Protocol");
            peer.send(offered == null ? Peer.switchingProtocols(request)
                    : Peer.switchingProtocols(request, "Sec-WebSocket-Protocol: " + offered.split(",")[0].trim()));
            peer.sendText("hi");
            List<Peer.Frame> frames = new ArrayList<>();
            while (true) {
                Peer.Frame frame = peer.readFrame();
                if (frame.opcode() == dev.ferry.engine.frame.Opcode.CLOSE) {
                    peer.sendClose(frame.closeCode(), "");
                    return;
                }
                serverReceived.add(frame.text());
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        container.close();
        server.close();
        assertEquals(List.of(), server.failures());
    }

    @Test
    void providerIsFoundThroughTheServiceLoaderAndGivesIndependentContainers() {
        WebSocketContainer first = ContainerProvider.getWebSocketContainer();
        WebSocketContainer second = ContainerProvider.getWebSocketContainer();
        assertInstanceOf(FerryClientContainer.class, first);
        assertNotSame(first, second);
        first.setDefaultMaxSessionIdleTimeout(5);
        assertNotEquals(5, second.getDefaultMaxSessionIdleTimeout());
        assertEquals(Set.of("permessage-deflate"), first.getInstalledExtensions().stream()
                .map(jakarta.websocket.Extension::getName).collect(java.util.stream.Collectors.toSet()));
        ((FerryClientContainer) first).close();
        ((FerryClientContainer) second).close();
    }

    @Test
    void threadsStartOnTheFirstConnectionOnly() throws Exception {
        assertNull(container.ioThread());
        Session session = container.connectToServer(new RecordingEndpoint(), null, server.uri("/"));
        Thread io = container.ioThread();
        assertNotNull(io);
        assertTrue(io.isAlive() && io.isDaemon());
        container.connectToServer(new RecordingEndpoint(), null, server.uri("/"));
        assertSame(io, container.ioThread(), "a second connection started another I/O thread");
        FerryClientContainer other = new FerryClientContainer();
        try {
            other.connectToServer(new RecordingEndpoint(), null, server.uri("/"));
            assertNotSame(io, other.ioThread(), "two containers share an I/O thread");
        } finally {
            other.close();
        }
        session.close();
    }

    @Test
    void defaultsApplyToNewSessions() throws Exception {
        container.setDefaultMaxSessionIdleTimeout(12_345);
        container.setDefaultMaxTextMessageBufferSize(1_000);
        container.setDefaultMaxBinaryMessageBufferSize(2_000);
        container.setAsyncSendTimeout(7_777);
        assertEquals(12_345, container.getDefaultMaxSessionIdleTimeout());
        assertEquals(7_777, container.getDefaultAsyncSendTimeout());
        Session session = container.connectToServer(new RecordingEndpoint(), null, server.uri("/"));
        assertEquals(12_345, session.getMaxIdleTimeout());
        assertEquals(1_000, session.getMaxTextMessageBufferSize());
        assertEquals(2_000, session.getMaxBinaryMessageBufferSize());
        assertEquals(7_777, session.getAsyncRemote().getSendTimeout());
        assertSame(container, session.getContainer());
        session.close();
    }

    @Test
    void onOpenRunsOnTheCallersThreadBeforeConnectReturns() throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = container.connectToServer(endpoint, null, server.uri("/"));
        assertEquals(Thread.currentThread().getName(), endpoint.openThread);
        assertEquals("hi", next(endpoint.texts, "the server's greeting"));
        assertTrue(session.getOpenSessions().contains(session));
        session.close();
    }

    @Test
    void eachSessionHasItsOwnUserPropertiesStartingFromTheConfigs() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("shared", "from config");
        Session a = container.connectToServer(new RecordingEndpoint(), config, server.uri("/"));
        Session b = container.connectToServer(new RecordingEndpoint(), config, server.uri("/"));
        assertEquals("from config", a.getUserProperties().get("shared"));
        a.getUserProperties().put("mine", "a");
        assertNull(b.getUserProperties().get("mine"));
        assertNull(config.getUserProperties().get("mine"));
        assertNotEquals(a.getId(), b.getId());
        a.close();
        b.close();
    }

    /** Records its greeting and answers every message through its return value. */
    public static class Answering extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> session.getAsyncRemote().sendText("endpoint class got " + text));
        }
    }

    @Test
    void endpointClassIsInstantiatedWithItsConstructor() throws Exception {
        Session session = container.connectToServer(Answering.class, ClientEndpointConfig.Builder.create().build(),
                server.uri("/"));
        assertEquals("endpoint class got hi", serverReceived.poll(5, TimeUnit.SECONDS));
        session.close();
    }

    /** Adds a header through the configurator named in its annotation. */
    public static class MarkingConfigurator extends ClientEndpointConfig.Configurator {
        @Override
        public void beforeRequest(Map<String, List<String>> headers) {
            headers.put("X-Configured-By", List.of("annotation"));
        }
    }

    /** Found by class; answers through the return value of its @OnMessage method. */
    @ClientEndpoint(subprotocols = {"echo.v2", "echo.v1"}, configurator = MarkingConfigurator.class)
    public static class AnnotatedAnswering {
        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("opened with " + session.getNegotiatedSubprotocol());
        }

        @OnMessage
        public String answer(String message) {
            return "annotated class got " + message;
        }
    }

    @Test
    void annotatedClassHonoursItsAnnotation() throws Exception {
        Session session = container.connectToServer(AnnotatedAnswering.class, server.uri("/"));
        Peer.Request request = requests.poll(5, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals("echo.v2, echo.v1", request.header("Sec-WebSocket-Protocol"));
        assertEquals("annotation", request.header("X-Configured-By"));
        assertEquals("echo.v2", session.getNegotiatedSubprotocol());
        assertEquals("opened with echo.v2", serverReceived.poll(5, TimeUnit.SECONDS));
        assertEquals("annotated class got hi", serverReceived.poll(5, TimeUnit.SECONDS));
        session.close();
    }

    @Test
    void annotatedClassIsAnalysedOnce() throws Exception {
        AnnotatedClientEndpoints endpoints = container.annotatedEndpoints();
        assertSame(endpoints.metadataFor(AnnotatedAnswering.class), endpoints.metadataFor(AnnotatedAnswering.class));
        container.connectToServer(new AnnotatedAnswering(), server.uri("/")).close();
        assertSame(endpoints.metadataFor(AnnotatedAnswering.class), endpoints.metadataFor(AnnotatedAnswering.class));
    }

    /** Two text methods and a bad parameter: invalid. */
    @ClientEndpoint
    public static class Invalid {
        @OnMessage
        public void first(String text) {
        }

        @OnMessage
        public void second(String text) {
        }
    }

    @Test
    void invalidAnnotatedClassFailsNamingClassAndMethod() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> container.connectToServer(Invalid.class, server.uri("/")));
        assertTrue(e.getMessage().contains(Invalid.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("second"), e.getMessage());
        assertThrows(DeploymentException.class, () -> container.connectToServer(new Invalid(), server.uri("/")));
        assertNull(container.ioThread(), "an invalid endpoint started the I/O thread");
    }

    public static class NotAnnotated {
    }

    /** No public no-argument constructor. */
    public static class NeedsArgument extends Endpoint {
        public NeedsArgument(String argument) {
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    @Test
    void endpointsThatCannotBeUsedAreRefused() {
        URI uri = server.uri("/");
        DeploymentException notAnnotated = assertThrows(DeploymentException.class,
                () -> container.connectToServer(NotAnnotated.class, uri));
        assertTrue(notAnnotated.getMessage().contains("@ClientEndpoint"), notAnnotated.getMessage());
        assertThrows(DeploymentException.class, () -> container.connectToServer(new NotAnnotated(), uri));
        DeploymentException noConstructor = assertThrows(DeploymentException.class,
                () -> container.connectToServer(NeedsArgument.class, ClientEndpointConfig.Builder.create().build(), uri));
        assertTrue(noConstructor.getMessage().contains(NeedsArgument.class.getName()), noConstructor.getMessage());
    }

    @Test
    void anEndpointCallbackMayConnectAndWaitForAnotherSession() throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, text -> {
                    try {
                        // Blocks this callback until the other session has its greeting, which needs
                        // the I/O thread: callbacks must not run there.
                        RecordingEndpoint other = new RecordingEndpoint();
                        container.connectToServer(other, null, server.uri("/"));
                        outcome.complete(other.texts.poll(5, TimeUnit.SECONDS) + " on " + Thread.currentThread().getName());
                    } catch (Exception e) {
                        outcome.complete(e);
                    }
                });
            }
        }, null, server.uri("/"));
        Object result = outcome.get(10, TimeUnit.SECONDS);
        assertTrue(String.valueOf(result).startsWith("hi on " + ClientRuntime.WORKER_THREAD_NAME + "-"), String.valueOf(result));
    }
}
