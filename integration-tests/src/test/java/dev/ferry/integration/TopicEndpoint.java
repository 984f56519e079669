package dev.ferry.integration;

import dev.ferry.broadcast.SlowSubscriberPolicy;
import dev.ferry.broadcast.Topics;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;

/**
 * Subscribes each session to the topic in its path ({@code ?policy=close-1008} for another
 * slow-subscriber policy) and publishes what it receives there; {@code burst N SIZE} publishes N
 * messages of SIZE bytes, numbered.
 */
@ServerEndpoint("/topics/{topic}")
public class TopicEndpoint {

    @OnOpen
    public void open(Session session, @PathParam("topic") String topic) {
        List<String> policy = session.getRequestParameterMap().get("policy");
        Topics.of(session).subscribe(session, topic,
                policy == null ? SlowSubscriberPolicy.DROP : SlowSubscriberPolicy.fromSetting(policy.get(0)));
    }

    @OnMessage
    public void publish(String text, Session session, @PathParam("topic") String topic) {
        Topics topics = Topics.of(session);
        if (text.startsWith("burst ")) {
            String[] words = text.split(" ");
            int count = Integer.parseInt(words[1]);
            String filler = "x".repeat(Integer.parseInt(words[2]));
            for (int i = 0; i < count; i++) {
                topics.publish(topic, i + " " + filler);
            }
        } else {
            topics.publish(topic, text);
        }
    }
}
