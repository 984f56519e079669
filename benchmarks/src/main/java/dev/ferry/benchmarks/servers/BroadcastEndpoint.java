package dev.ferry.benchmarks.servers;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * Sends each text message it receives to every open session of this endpoint, the sender
 * included, the way a chat room does. Blocking sends, one after another, because that is the
 * portable way: every container allows it, and the load generator has only one broadcast in
 * flight at a time, so sends never overlap on a session.
 */
@ServerEndpoint("/broadcast")
public class BroadcastEndpoint {

    @OnMessage
    public void broadcast(String message, Session sender) {
        for (Session session : sender.getOpenSessions()) {
            try {
                session.getBasicRemote().sendText(message);
            } catch (IOException | IllegalStateException e) {
                // The session closed meanwhile; the others still get the message.
            }
        }
    }
}
