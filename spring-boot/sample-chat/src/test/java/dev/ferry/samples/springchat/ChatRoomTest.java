package dev.ferry.samples.springchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.JdkMessageCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** Two members in the room, speaking STOMP with JSON bodies as the page does, through the JDK's client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatRoomTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Value("${local.server.port}")
    int port;

    private record Member(WebSocket socket, JdkMessageCollector received) {
        void send(String frame) {
            socket.sendText(frame, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }

        String next() throws InterruptedException {
            return (String) received.nextMessage(TIMEOUT);
        }
    }

    /**
     * Connects as the page does, subscribes to the room and says "joined"; hearing that back
     * means the subscription is in (a member's frames are handled in order).
     */
    private Member join(String name) throws Exception {
        JdkMessageCollector received = new JdkMessageCollector();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("v12.stomp")
                .buildAsync(URI.create("ws://localhost:" + port + "/chat"), received)
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        assertEquals("v12.stomp", socket.getSubprotocol());
        Member member = new Member(socket, received);
        member.send("CONNECT\naccept-version:1.2\nhost:localhost\n\n\0");
        assertTrue(member.next().startsWith("CONNECTED\n"));
        member.send("SUBSCRIBE\nid:room\ndestination:/topic/messages\n\n\0");
        member.send(say(name, "joined"));
        assertTrue(member.next().endsWith(said(name, "joined")));
        return member;
    }

    private static String say(String name, String text) {
        return "SEND\ndestination:/app/say\ncontent-type:application/json\n\n{\"name\":\"" + name
                + "\",\"text\":\"" + text + "\"}\0";
    }

    /** How a MESSAGE frame the room relayed ends. */
    private static String said(String name, String text) {
        return "\n\n{\"name\":\"" + name + "\",\"text\":\"" + text + "\"}\0";
    }

    @Test
    void whatOneMemberSaysReachesEveryone() throws Exception {
        Member ada = join("Ada");
        Member bob = join("Bob");
        assertTrue(ada.next().endsWith(said("Bob", "joined")), "Ada hears Bob join");

        ada.send(say(" Ada ", "hello"));
        String toAda = ada.next();
        assertTrue(toAda.startsWith("MESSAGE\n") && toAda.endsWith(said("Ada", "hello")), toAda);
        String toBob = bob.next();
        assertTrue(toBob.endsWith(said("Ada", "hello")), toBob);

        ada.socket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        bob.socket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void thePageIsServedAndTheRoomsMetersAreInActuator() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/chat"), page.body());

        join("Cy").socket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        HttpResponse<String> meter = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/metrics/ferry.websocket.sessions.opened?tag=path:/chat")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, meter.statusCode(), meter.body());
    }
}
