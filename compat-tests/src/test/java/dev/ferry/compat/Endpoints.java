package dev.ferry.compat;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The endpoints the compatibility tests talk to. */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * Echoes each message with an async send and a {@code SendHandler}, then reports what the
     * handler heard: completing the send builds a {@code SendResult} with the API on the class path.
     */
    @ServerEndpoint("/async")
    public static class AsyncEcho {
        @OnMessage
        public void onMessage(Session session, String message) {
            session.getAsyncRemote().sendText(message, result ->
                    session.getAsyncRemote().sendText("sent ok=" + result.isOK()));
        }
    }

    /**
     * Reports what the callback thread is bound to: its context class loader's type (Tomcat's
     * web-application loader, not the test's) and whether {@code java:comp/env} resolves (Tomcat
     * finds the application's JNDI context through that binding).
     */
    @ServerEndpoint("/callback-context")
    public static class CallbackContextReport {
        @OnMessage
        public String onMessage(String ignored) {
            return "classLoader=" + Thread.currentThread().getContextClassLoader().getClass().getSimpleName()
                    + " jndi=" + jndiBound();
        }

        private static boolean jndiBound() {
            try {
                new InitialContext().lookup("java:comp/env");
                return true;
            } catch (NamingException | RuntimeException e) {
                return false;
            }
        }
    }
}
