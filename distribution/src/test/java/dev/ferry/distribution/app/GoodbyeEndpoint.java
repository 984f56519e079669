package dev.ferry.distribution.app;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Closes the session from the server side, with a code and a reason the client can check. */
@ServerEndpoint("/goodbye")
public class GoodbyeEndpoint {

    /** An application-defined code (4000-4999), so it cannot be confused with one the server picks. */
    public static final int CLOSE_CODE = 4001;

    @OnMessage
    public void onMessage(Session session, String name) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(CLOSE_CODE), "goodbye " + name));
    }
}
