package dev.ferry.spring.boot.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.client.FerryClientContainer;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/** Spring {@code WebSocketHandler}s registered with {@code @EnableWebSocket}, served by Ferry. */
@FerryBootTest
class WebSocketHandlerTest {

    @Value("${local.server.port}")
    int port;

    private final FerryClientContainer clientContainer = Peers.clientContainer();

    @AfterEach
    void closeClients() {
        clientContainer.close();
    }

    /** Collects what a Spring client session receives. */
    private static final class Collecting extends AbstractWebSocketHandler {
        final BlockingQueue<WebSocketMessage<?>> received = new LinkedBlockingQueue<>();

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) {
            received.add(message);
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
            // Copied: the payload's buffer may be reused once this returns.
            ByteBuffer payload = message.getPayload();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            received.add(new BinaryMessage(bytes));
        }

        WebSocketMessage<?> next() throws InterruptedException {
            WebSocketMessage<?> message = received.poll(Peers.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + Peers.TIMEOUT);
            }
            return message;
        }
    }

    private WebSocketSession connect(String path, Collecting handler) throws Exception {
        return Peers.springClient(clientContainer).execute(handler, "ws://localhost:" + port + path)
                .get(Peers.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void textHandlerWithSpringsClient() throws Exception {
        Collecting handler = new Collecting();
        WebSocketSession session = connect("/handler/text", handler);
        try {
            session.sendMessage(new TextMessage("hi"));
            assertEquals("echo: hi", ((TextMessage) handler.next()).getPayload());
        } finally {
            session.close();
        }
    }

    @Test
    void binaryHandlerWithSpringsClient() throws Exception {
        Collecting handler = new Collecting();
        WebSocketSession session = connect("/handler/binary", handler);
        try {
            session.sendMessage(new BinaryMessage(new byte[] {1, 2, 3, 4}));
            BinaryMessage answer = (BinaryMessage) handler.next();
            assertArrayEquals(new byte[] {4, 3, 2, 1}, answer.getPayload().array());
        } finally {
            session.close();
        }
    }

    /** Browsers always offer permessage-deflate: Spring's handshake negotiates it with Ferry's installed extension. */
    @Test
    void compressedMessagesWhenTheClientOffersPermessageDeflate() throws Exception {
        Collecting handler = new Collecting();
        org.springframework.web.socket.client.standard.StandardWebSocketClient client =
                Peers.springClient(clientContainer);
        client.setUserProperties(java.util.Map.of("dev.ferry.deflate", "true"));
        WebSocketSession session = client.execute(handler, "ws://localhost:" + port + "/handler/text")
                .get(Peers.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try {
            assertEquals("permessage-deflate", session.getExtensions().get(0).getName(), session.getExtensions().toString());
            String text = "compress me ".repeat(100);
            session.sendMessage(new TextMessage(text));
            assertEquals("echo: " + text, ((TextMessage) handler.next()).getPayload());
        } finally {
            session.close();
        }
    }

    @Test
    void textHandlerWithTheJdkClient() throws Exception {
        Peers.JdkConnection connection = Peers.jdk(port, "/handler/text");
        try {
            connection.socket().sendText("from the JDK", true).orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals("echo: from the JDK", connection.nextText());
        } finally {
            connection.close();
        }
    }
}
