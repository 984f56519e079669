package dev.ferry.distribution.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Echoes each message with an asynchronous send and a {@code SendHandler}, then reports the
 * {@link SendResult} the handler got. Containers ship different WebSocket API versions (Tomcat
 * 10.1's is 2.1, without 2.2's {@code SendResult(Session)}), so this shows that completing an
 * async send works with the API the server gives the application.
 */
@ServerEndpoint("/async")
public class AsyncSendEndpoint {

    @OnMessage
    public void onMessage(Session session, String message) {
        session.getAsyncRemote().sendText(message, result ->
                session.getAsyncRemote().sendText("sent ok=" + result.isOK()
                        + (result.getException() == null ? "" : " " + result.getException())));
    }
}
