package dev.ferry.spring.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.client.FerryClientContainer;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.springframework.web.socket.sockjs.client.SockJsClient;
import org.springframework.web.socket.sockjs.client.WebSocketTransport;

/** STOMP through Spring's broker on Ferry: Spring's STOMP client (plain and SockJS) and raw frames. */
@FerryBootTest
class StompTest {

    @Value("${local.server.port}")
    int port;

    private final FerryClientContainer clientContainer = Peers.clientContainer();

    @AfterEach
    void closeClients() {
        clientContainer.close();
    }

    @Test
    void springsStompClientOnFerrysClientContainer() throws Exception {
        WebSocketStompClient stomp = new WebSocketStompClient(Peers.springClient(clientContainer));
        assertEquals("relayed: hello", relayThrough(stomp, "ws://localhost:" + port + "/stomp", "hello"));
    }

    @Test
    void springsStompClientOverSockJs() throws Exception {
        SockJsClient sockJs = new SockJsClient(List.of(new WebSocketTransport(Peers.springClient(clientContainer))));
        WebSocketStompClient stomp = new WebSocketStompClient(sockJs);
        assertEquals("relayed: over SockJS", relayThrough(stomp, "http://localhost:" + port + "/sockjs", "over SockJS"));
    }

    @Test
    void rawStompFramesFromTheJdkClientWithTheOfferedSubprotocol() throws Exception {
        Peers.JdkConnection connection = Peers.jdk(port, "/stomp", "v12.stomp");
        try {
            assertEquals("v12.stomp", connection.socket().getSubprotocol(), "the 101's Sec-WebSocket-Protocol");
            send(connection, "CONNECT\naccept-version:1.2\nhost:localhost\n\n\0");
            String connected = connection.nextText();
            assertTrue(connected.startsWith("CONNECTED\n") && connected.contains("\nversion:1.2\n"), connected);

            send(connection, "SUBSCRIBE\nid:sub-0\ndestination:/topic/chat\n\n\0");
            send(connection, "SEND\ndestination:/app/chat\ncontent-type:text/plain\n\nraw frames\0");
            String message = connection.nextText();
            assertTrue(message.startsWith("MESSAGE\n"), message);
            assertTrue(message.contains("\ndestination:/topic/chat\n") && message.contains("\nsubscription:sub-0\n"),
                    message);
            assertTrue(message.endsWith("\n\nrelayed: raw frames\0"), message);
        } finally {
            connection.close();
        }
    }

    private static void send(Peers.JdkConnection connection, String frame) {
        connection.socket().sendText(frame, true).orTimeout(Peers.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Subscribes to /topic/chat, sends to /app/chat and returns what the topic delivered. */
    private static String relayThrough(WebSocketStompClient stomp, String url, String text) throws Exception {
        stomp.setMessageConverter(new StringMessageConverter());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        StompSession session = stomp.connectAsync(url, new StompSessionHandlerAdapter() {
        }).get(Peers.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try {
            session.subscribe("/topic/chat", new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return String.class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    received.add((String) payload);
                }
            });
            session.send("/app/chat", text);
            String relayed = received.poll(Peers.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (relayed == null) {
                throw new AssertionError("nothing relayed to /topic/chat within " + Peers.TIMEOUT);
            }
            return relayed;
        } finally {
            session.disconnect();
        }
    }
}
