package dev.ferry.tck.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.tck.support.Deadline;
import dev.ferry.tck.support.WebSocketUris;
import dev.ferry.tck.support.Wars;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
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

    /** Collects whole messages (the JDK hands text and binary over in parts). */
    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        Object next() throws InterruptedException {
            Object message = messages.poll(Deadline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + Deadline.WAIT);
            }
            return message;
        }
    }

    private WebSocket open(Listener listener, String subprotocol) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        return builder.buildAsync(WebSocketUris.of(base, "echo"), listener).get(Deadline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void textAndBinaryEcho() throws Exception {
        Listener listener = new Listener();
        WebSocket ws = open(listener, null);
        ws.sendText("from the JDK", true).get(10, TimeUnit.SECONDS);
        assertEquals("from the JDK", listener.next());
        ws.sendBinary(ByteBuffer.wrap(new byte[] {9, 8, 7}), true).get(10, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {9, 8, 7}, (byte[]) listener.next());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        assertEquals(1000, listener.closed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void fragmentedTextFromTheJdkIsOneMessage() throws Exception {
        Listener listener = new Listener();
        WebSocket ws = open(listener, null);
        ws.sendText("frag", false).get(10, TimeUnit.SECONDS);
        ws.sendText("ment", false).get(10, TimeUnit.SECONDS);
        ws.sendText("ed", true).get(10, TimeUnit.SECONDS);
        assertEquals("fragmented", listener.next());
        ws.abort();
    }

    @Test
    void unsupportedSubprotocolIsNotChosen() throws Exception {
        WebSocket ws = open(new Listener(), "nobody-speaks-this");
        assertEquals("", ws.getSubprotocol());
        ws.abort();
    }
}
