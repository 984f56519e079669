package dev.ferry.benchmarks.fanout;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The same application written the usual way on any Jakarta WebSocket implementation: each text
 * message a session sends goes to every open session of the endpoint through its async remote,
 * one {@code sendText} per session (Tomcat refuses a second async send while one is pending:
 * that session then misses the message, as such an application's sessions do).
 */
@ServerEndpoint("/fanout")
public class LoopFanOutEndpoint {

    @OnMessage
    public void publish(String message, Session sender) {
        for (Session session : sender.getOpenSessions()) {
            try {
                session.getAsyncRemote().sendText(message);
            } catch (IllegalStateException e) {
                // closed meanwhile, or a send still pending: it misses this one
            }
        }
    }
}
