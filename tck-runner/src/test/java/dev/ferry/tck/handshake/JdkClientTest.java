package dev.ferry.tck.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.tck.support.Deadline;
import dev.ferry.tck.support.WebSocketUris;
import dev.ferry.tck.support.Wars;
import dev.ferry.testsupport.JdkMessageCollector;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client that is not Ferry's: the JDK's java.net.http.WebSocket against Ferry's server. */
@ExtendWith(ArquillianExtension.class)
class JdkClientTest {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("jdk", HandshakeApp.class);
    }

    private WebSocket open(JdkMessageCollector listener, String subprotocol) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        return builder.buildAsync(WebSocketUris.of(base, "echo"), listener).get(Deadline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void textAndBinaryEcho() throws Exception {
        JdkMessageCollector listener = new JdkMessageCollector();
        WebSocket ws = open(listener, null);
        ws.sendText("from the JDK", true).get(10, TimeUnit.SECONDS);
        assertEquals("from the JDK", listener.nextMessage(Deadline.WAIT));
        ws.sendBinary(ByteBuffer.wrap(new byte[] {9, 8, 7}), true).get(10, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {9, 8, 7}, (byte[]) listener.nextMessage(Deadline.WAIT));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        assertEquals(1000, listener.awaitClose(Deadline.WAIT).code());
    }

    @Test
    void fragmentedTextFromTheJdkIsOneMessage() throws Exception {
        JdkMessageCollector listener = new JdkMessageCollector();
        WebSocket ws = open(listener, null);
        ws.sendText("frag", false).get(10, TimeUnit.SECONDS);
        ws.sendText("ment", false).get(10, TimeUnit.SECONDS);
        ws.sendText("ed", true).get(10, TimeUnit.SECONDS);
        assertEquals("fragmented", listener.nextMessage(Deadline.WAIT));
        ws.abort();
    }

    @Test
    void unsupportedSubprotocolIsNotChosen() throws Exception {
        WebSocket ws = open(new JdkMessageCollector(), "nobody-speaks-this");
        assertEquals("", ws.getSubprotocol());
        ws.abort();
    }
}
