package dev.ferry.broadcast.redis;

import dev.ferry.broadcast.Topics;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** Subscribes each session to the topic in its path and publishes there what it receives. */
@ServerEndpoint("/feed/{topic}")
public class FeedEndpoint {

    @OnOpen
    public void open(Session session, @PathParam("topic") String topic) {
        Topics.of(session).subscribe(session, topic);
    }

    @OnMessage
    public void publish(String text, Session session, @PathParam("topic") String topic) {
        Topics.of(session).publish(topic, text);
    }
}
