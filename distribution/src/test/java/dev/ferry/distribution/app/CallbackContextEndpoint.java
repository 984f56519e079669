package dev.ferry.distribution.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Answers every message with what the callback thread is bound to: whether its context class
 * loader is the application's, and whether the application's JNDI context ({@code java:comp/env})
 * is reachable. Tomcat binds both for its own threads through its {@code ContextBind}, and Ferry's
 * direct I/O binds callbacks the same way; a binding call of the wrong form for the Tomcat version
 * would lose the message altogether.
 */
@ServerEndpoint("/callback-context")
public class CallbackContextEndpoint {

    @OnMessage
    public String describe(String ignored) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return "applicationClassLoader=" + (context == CallbackContextEndpoint.class.getClassLoader())
                + " jndi=" + jndiBound();
    }

    /** Whether the calling thread is bound to the application's JNDI context. */
    static boolean jndiBound() {
        try {
            new InitialContext().lookup("java:comp/env");
            return true;
        } catch (NamingException | RuntimeException e) {
            return false;
        }
    }
}
