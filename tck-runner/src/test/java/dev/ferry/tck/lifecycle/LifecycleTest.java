package dev.ferry.tck.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.tck.support.Deadline;
import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Chapters 2.1 and 5: the order of onOpen, onMessage, onError and onClose, and exactly one onClose. */
class LifecycleTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("lifecycle", LifecycleApp.class);
    }

    /** Polls /events until the recorded events satisfy {@code done}, or the deadline passes. */
    private String eventsOnceSettled(String name, Predicate<String> done) throws Exception {
        RecordingClient reporter = connect("events");
        long deadline = System.nanoTime() + Deadline.WAIT.toNanos();
        String events = reporter.ask(name);
        while (!done.test(events) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            events = reporter.ask(name);
        }
        return events;
    }

    @Test
    void openMessageCloseInOrderWhenTheClientCloses() throws Exception {
        RecordingClient c = connect("recorded?client-closes");
        assertEquals("ok", c.ask("one"));
        c.session().close();
        c.awaitClose();
        assertEquals("[open, message:one, close:1000]", eventsOnceSettled("client-closes", e -> e.contains("close")));
    }

    @Test
    void serverCloseRunsOnCloseOnBothSidesOnce() throws Exception {
        RecordingClient c = connect("recorded?server-closes");
        c.send("close");
        CloseReason reason = c.awaitClose();
        assertEquals("asked to", reason.getReasonPhrase());
        assertEquals("[open, message:close, close:1000]", eventsOnceSettled("server-closes", e -> e.contains("close:")));
    }

    @Test
    void exceptionFromOnMessageGoesToOnErrorAndTheSessionStaysUsable() throws Exception {
        RecordingClient c = connect("recorded?throws");
        c.send("throw");
        assertEquals("ok", c.ask("after"));
        assertEquals("[open, message:throw, error:IllegalArgumentException:thrown by onMessage, message:after]",
                eventsOnceSettled("throws", e -> e.contains("message:after")));
    }

    @Test
    void exceptionFromOnOpenGoesToOnError() throws Exception {
        connect("failing-open?open-throws");
        String events = eventsOnceSettled("open-throws", e -> e.contains("error"));
        assertTrue(events.startsWith("[open, error:IllegalStateException:thrown by onOpen"), events);
    }

    @Test
    void droppedConnectionRunsOnCloseExactlyOnceWith1006() throws Exception {
        // A raw handshake, then the socket is closed without a close frame.
        URIish target = new URIish(base.getHost(), base.getPort(), base.getPath() + "recorded?dropped");
        try (Socket socket = new Socket(target.host, target.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target.path + " HTTP/1.1\r\nHost: " + target.host + ":" + target.port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = new byte[12];
            int n = socket.getInputStream().readNBytes(head, 0, head.length);
            assertEquals("HTTP/1.1 101", new String(head, 0, n, StandardCharsets.US_ASCII));
        }
        String events = eventsOnceSettled("dropped", e -> e.contains("close"));
        assertTrue(events.startsWith("[open"), events);
        assertTrue(events.endsWith("close:1006]"), events);
        Thread.sleep(Deadline.QUIET.toMillis());
        String later = connect("events").ask("dropped");
        assertEquals(1, later.split("close", -1).length - 1, "onClose ran more than once: " + later);
    }

    @Test
    void bothSidesClosingAtOnceStillRunsOnCloseOnce() throws Exception {
        RecordingClient c = connect("recorded?both-close");
        c.send("close");
        c.session().close(); // races with the server's own close
        c.awaitClose();
        String events = eventsOnceSettled("both-close", e -> e.contains("close:"));
        Thread.sleep(Deadline.QUIET.toMillis());
        String later = connect("events").ask("both-close");
        assertEquals(1, later.split("close:", -1).length - 1, "onClose ran more than once: " + later);
        assertTrue(events.startsWith("[open"), events);
    }

    private record URIish(String host, int port, String path) {
    }

    /** An annotated client endpoint: its callbacks run in order too. */
    @ClientEndpoint
    public static class AnnotatedClient {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @OnOpen
        public void open(Session session) {
            events.add("open");
        }

        @OnMessage
        public void message(String text) {
            events.add("message:" + text);
        }

        @OnClose
        public void close(CloseReason reason) {
            events.add("close:" + reason.getCloseCode().getCode());
            closed.countDown();
        }
    }

    @Test
    void annotatedClientEndpointSeesOpenMessageAndServerClose() throws Exception {
        AnnotatedClient endpoint = new AnnotatedClient();
        Session session = client.connectToServer(endpoint, ws("recorded?annotated-client"));
        session.getBasicRemote().sendText("hi");
        session.getBasicRemote().sendText("close");
        assertTrue(endpoint.closed.await(Deadline.WAIT.toMillis(), TimeUnit.MILLISECONDS), endpoint.events::toString);
        assertEquals(List.of("open", "message:ok", "close:1000"), endpoint.events);
    }
}
