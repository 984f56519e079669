package dev.ferry.tck.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.tck.support.Deadline;
import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The Session API (section 2.1.4 and its javadoc), seen from the server's side of each session. */
class SessionTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("session", SessionApp.class);
    }

    @Test
    void idsAreUniqueAndOpenSessionsListsThePeers() throws Exception {
        RecordingClient a = connect("info");
        RecordingClient b = connect("info");
        String idA = a.ask("id");
        String idB = b.ask("id");
        assertNotEquals(idA, idB);
        List<String> open = List.of(a.ask("open-ids").split(" "));
        assertTrue(open.contains(idA) && open.contains(idB), open::toString);
    }

    @Test
    void closedSessionLeavesOpenSessions() throws Exception {
        RecordingClient a = connect("info");
        RecordingClient b = connect("info");
        String idB = b.ask("id");
        b.session().close();
        b.awaitClose();
        String open = a.ask("open-ids");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (List.of(open.split(" ")).contains(idB) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            open = a.ask("open-ids");
        }
        assertFalse(List.of(open.split(" ")).contains(idB), open);
    }

    @Test
    void asyncSendsCompleteWhileTheDeliveringThreadWaitsForThem() throws Exception {
        for (int i = 0; i < 20; i++) {
            RecordingClient c = connect("async-wait");
            c.session().getBasicRemote().sendText("m" + i);
            assertEquals("echo m" + i, c.nextText());
            assertEquals(String.valueOf(("m" + i).length()), c.nextText());
            assertEquals("sent", c.nextText());
            c.session().close();
        }
    }

    @Test
    void anEncoderFailingUncheckedFailsTheSendNotTheCaller() throws Exception {
        RecordingClient c = connect("failing-encoder");
        assertEquals("future: EncodeException(broken); handler: EncodeException; basic: EncodeException", c.ask("broken"));
        assertTrue(c.session().isOpen(), "the session stays open");
    }

    @Test
    void pathParametersIterateInTemplateOrder() throws Exception {
        RecordingClient c = connect("order/z1/a2=x/m3");
        assertEquals("{zeta=z1, alpha=a2=x, mid=m3}", c.ask("?"));
    }

    @Test
    void callbacksRunWithTheApplicationsContextClassLoader() throws Exception {
        RecordingClient c = connect("context-loader");
        assertEquals("application", c.ask("?"));
    }

    @Test
    void userPropertiesBelongToOneSession() throws Exception {
        RecordingClient a = connect("info");
        RecordingClient b = connect("info");
        assertEquals("ok", a.ask("put colour=green"));
        assertEquals("green", a.ask("get colour"));
        assertEquals("null", b.ask("get colour"));
    }

    @Test
    void requestUriQueryAndParameters() throws Exception {
        RecordingClient c = connect("info?a=1&b=2&a=3");
        assertEquals("a=1&b=2&a=3", c.ask("query"));
        assertEquals("{a=[1, 3], b=[2]}", c.ask("parameters"));
        String uri = c.ask("uri");
        assertTrue(uri.endsWith("/session/info?a=1&b=2&a=3"), uri);
    }

    @Test
    void noQueryMeansNullQueryString() throws Exception {
        assertEquals("null", connect("info").ask("query"));
    }

    @Test
    void protocolVersionSecureAndContainer() throws Exception {
        RecordingClient c = connect("info");
        assertEquals("13", c.ask("version"));
        assertEquals("false", c.ask("secure"));
        assertEquals("true", c.ask("container"));
    }

    @Test
    void pathParametersAreMatchedAndConverted() throws Exception {
        assertEquals("lobby/42 {room=lobby, user=41}", connect("rooms/lobby/users/41").ask("?"));
    }

    @Test
    void pathParametersOfAnEndpointWithoutTemplateAreEmpty() throws Exception {
        assertEquals("{}", connect("info").ask("path-parameters"));
    }

    @Test
    void pathParametersConvertToBooleanAndBoxedInteger() throws Exception {
        assertEquals("flag=true n+1=8", connect("typed/true/7").nextText());
    }

    @Test
    void textOverMaxMessageSizeClosesWith1009() throws Exception {
        RecordingClient c = connect("small");
        assertEquals("got 10", c.ask("0123456789"));
        c.send("0123456789A");
        assertEquals(CloseCodes.TOO_BIG, c.awaitClose().getCloseCode());
    }

    @Test
    void binaryOverTheSessionsBufferSizeClosesWith1009() throws Exception {
        RecordingClient c = connect("small-binary");
        c.session().getBasicRemote().sendBinary(ByteBuffer.allocate(16));
        assertEquals("got 16", c.nextText());
        c.session().getBasicRemote().sendBinary(ByteBuffer.allocate(17));
        assertEquals(CloseCodes.TOO_BIG, c.awaitClose().getCloseCode());
    }

    @Test
    void textBufferSizeSetInOnOpenApplies() throws Exception {
        RecordingClient c = connect("small-text-buffer");
        assertEquals("got 8 of at most 8", c.ask("12345678"));
        c.send("123456789");
        assertEquals(CloseCodes.TOO_BIG, c.awaitClose().getCloseCode());
    }

    @Test
    void idleTimeoutClosesTheSession() throws Exception {
        RecordingClient c = connect("idle");
        // Timed from before the question: the server's idle timer starts after its answer, so a
        // slow test thread can only make the wait look longer, never shorter.
        long start = System.nanoTime();
        assertEquals("x 300", c.ask("x"));
        CloseReason reason = c.awaitClose();
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        // Ferry closes idle sessions with 1001 (README); not before the timeout.
        assertEquals(CloseCodes.GOING_AWAY, reason.getCloseCode());
        assertTrue(waitedMillis >= 300, "closed after only " + waitedMillis + " ms");
    }

    @Test
    void closeWithoutReasonIsNormalClosure() throws Exception {
        RecordingClient c = connect("close");
        c.send("plain");
        assertEquals(CloseCodes.NORMAL_CLOSURE, c.awaitClose().getCloseCode());
    }

    @Test
    void closeWithReasonCarriesCodeAndPhrase() throws Exception {
        RecordingClient c = connect("close");
        c.send("reason");
        CloseReason reason = c.awaitClose();
        assertEquals(4001, reason.getCloseCode().getCode());
        assertEquals("bye now", reason.getReasonPhrase());
    }

    @Test
    void secondCloseIsIgnored() throws Exception {
        RecordingClient c = connect("close");
        c.send("twice");
        CloseReason reason = c.awaitClose();
        assertEquals(CloseCodes.GOING_AWAY, reason.getCloseCode());
        assertEquals("first", reason.getReasonPhrase());
    }

    @Test
    void closedSessionRefusesUseWithIllegalStateException() throws Exception {
        RecordingClient c = connect("kept?refuses");
        c.session().close();
        c.awaitClose();
        RecordingClient reporter = connect("report");
        String answer = reporter.ask("closed refuses");
        // The client hears its own close at once: the server may open and close the kept session after that.
        long deadline = System.nanoTime() + Deadline.WAIT.toNanos();
        while (!answer.startsWith("IllegalStateException") && System.nanoTime() < deadline) {
            Thread.sleep(25);
            answer = reporter.ask("closed refuses");
        }
        assertEquals("IllegalStateException, open=false", answer);
    }

    @Test
    void blockingSendsArriveInOrder() throws Exception {
        RecordingClient c = connect("senders");
        c.send("go");
        assertEquals("basic", c.nextText());
        assertEquals("7", c.nextText());
        assertEquals("partial", c.nextText());
    }

    @Test
    void asyncSendsCompleteTheirFutureAndSendHandler() throws Exception {
        RecordingClient c = connect("async");
        c.send("go");
        assertEquals("future", c.nextText());
        assertEquals("handler", c.nextText());
        assertEquals("handler ok, future done true", c.nextText());
    }

    @Test
    void pingIsAnsweredWithPongCarryingTheSameData() throws Exception {
        RecordingClient c = connect("info");
        c.session().getBasicRemote().sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));
        assertEquals("are you there", c.nextPong().text());
    }
}
