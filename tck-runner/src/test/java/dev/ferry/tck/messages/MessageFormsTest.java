package dev.ferry.tck.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import jakarta.websocket.RemoteEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Section 4.7: every form an {@code @OnMessage} method may take, and its return value. */
class MessageFormsTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("messages", MessageFormsApp.class);
    }

    @Test
    void wholeStringWithSession() throws Exception {
        assertEquals("text:héllo:true", connect("text").ask("héllo"));
    }

    @Test
    void partialStringSeesEveryFragment() throws Exception {
        RecordingClient c = connect("text-partial");
        RemoteEndpoint.Basic remote = c.session().getBasicRemote();
        remote.sendText("ab", false);
        remote.sendText("cd", false);
        remote.sendText("e", true);
        String answer = c.nextText();
        // A container may merge or split fragments, but none may be lost or reordered.
        assertEquals("abcde", answer.substring(answer.indexOf(':') + 1));
    }

    @Test
    void wholeByteBufferAndByteBufferReturnValue() throws Exception {
        RecordingClient c = connect("bytebuffer");
        c.session().getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {'B', 1, 2, 3}, c.nextBinary().array());
    }

    @Test
    void wholeByteArrayAndByteArrayReturnValue() throws Exception {
        RecordingClient c = connect("bytearray");
        c.session().getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {3, 2, 1}, c.nextBinary().array());
    }

    @Test
    void partialByteArrayCountsEveryByte() throws Exception {
        RecordingClient c = connect("binary-partial");
        RemoteEndpoint.Basic remote = c.session().getBasicRemote();
        remote.sendBinary(ByteBuffer.wrap(new byte[10]), false);
        remote.sendBinary(ByteBuffer.wrap(new byte[5]), true);
        String answer = c.nextText();
        assertEquals("15 bytes", answer.substring(answer.indexOf(", ") + 2));
    }

    @Test
    void partialByteBufferWithNullReturnForTheFirstParts() throws Exception {
        RecordingClient c = connect("bytebuffer-partial");
        RemoteEndpoint.Basic remote = c.session().getBasicRemote();
        remote.sendBinary(ByteBuffer.wrap(new byte[7]), false);
        remote.sendBinary(ByteBuffer.wrap(new byte[8]), true);
        assertEquals("total 15", c.nextText());
        c.assertNothingReceived();
    }

    @Test
    void readerGetsTheWholeMessage() throws Exception {
        String big = "x".repeat(20_000) + "end";
        assertEquals("read 20003 chars ending end", connect("reader").ask(big));
    }

    @Test
    void inputStreamGetsTheWholeMessage() throws Exception {
        RecordingClient c = connect("inputstream");
        byte[] data = new byte[30_000];
        data[data.length - 1] = 42;
        c.session().getBasicRemote().sendBinary(ByteBuffer.wrap(data));
        assertEquals("read 30000 bytes, last 42", c.nextText());
    }

    @Test
    void pongMessageCarriesItsApplicationData() throws Exception {
        RecordingClient c = connect("pong");
        c.session().getBasicRemote().sendPong(ByteBuffer.wrap("ping-data".getBytes(StandardCharsets.UTF_8)));
        assertEquals("pong:ping-data", c.nextText());
    }

    @Test
    void primitiveIntParameterAndReturnValue() throws Exception {
        assertEquals("42", connect("int").ask("41"));
    }

    @Test
    void boxedBooleanParameterAndReturnValue() throws Exception {
        assertEquals("false", connect("boxed-boolean").ask("true"));
    }

    @Test
    void primitiveDoubleParameter() throws Exception {
        assertEquals("twice 3.0", connect("double").ask("1.5"));
    }

    @Test
    void primitiveCharParameterAndReturnValue() throws Exception {
        assertEquals("Q", connect("char").ask("q"));
    }

    @Test
    void primitiveLongParameterAndReturnValue() throws Exception {
        assertEquals("-9000000000", connect("long").ask("9000000000"));
    }

    @Test
    void textBinaryAndPongHandlersOnOneEndpoint() throws Exception {
        RecordingClient c = connect("mixed");
        assertEquals("t:x", c.ask("x"));
        c.session().getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[4]));
        assertEquals("b:4", c.nextText());
        c.session().getBasicRemote().sendPong(ByteBuffer.wrap(new byte[2]));
        assertEquals("p:2", c.nextText());
    }

    @Test
    void voidMethodSendsNothingItself() throws Exception {
        RecordingClient c = connect("void");
        c.send("one");
        c.send("two");
        assertEquals("seen 3", c.ask("count"));
        c.assertNothingReceived();
    }
}
