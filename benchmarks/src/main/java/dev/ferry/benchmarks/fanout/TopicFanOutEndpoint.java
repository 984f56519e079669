package dev.ferry.benchmarks.fanout;

import dev.ferry.broadcast.Topics;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The fan-out application on Ferry's topics: every session subscribes to one topic, and each text
 * message a session sends is published to it (so its sender gets it too, as with the loop).
 */
@ServerEndpoint("/fanout")
public class TopicFanOutEndpoint {

    static final String TOPIC = "feed";

    @OnOpen
    public void open(Session session) {
        Topics.of(session).subscribe(session, TOPIC);
    }

    @OnMessage
    public void publish(String message, Session session) {
        Topics.of(session).publish(TOPIC, message);
    }
}
