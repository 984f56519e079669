package dev.ferry.tck.lifecycle;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Endpoints that write down the callbacks they get, per client-chosen name (the query string), so
 * that a test can ask {@code /events} afterwards what happened, in order.
 */
public final class LifecycleApp {

    static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();

    private LifecycleApp() {
    }

    static void record(Session session, String event) {
        String name = session.getQueryString() == null ? "unnamed" : session.getQueryString();
        EVENTS.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(event);
    }

    /** "throw" makes onMessage throw; "close" closes from the server. */
    @ServerEndpoint("/recorded")
    public static class Recorded {
        @OnOpen
        public void open(Session session) {
            record(session, "open");
        }

        @OnMessage
        public String message(String text, Session session) throws IOException {
            record(session, "message:" + text);
            if (text.equals("throw")) {
                throw new IllegalArgumentException("thrown by onMessage");
            }
            if (text.equals("close")) {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "asked to"));
                return null;
            }
            return "ok";
        }

        @OnError
        public void error(Session session, Throwable error) {
            record(session, "error:" + error.getClass().getSimpleName() + ":" + error.getMessage());
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
            record(session, "close:" + reason.getCloseCode().getCode());
        }
    }

    /** onOpen throws: onError must see it. */
    @ServerEndpoint("/failing-open")
    public static class FailingOpen {
        @OnOpen
        public void open(Session session) {
            record(session, "open");
            throw new IllegalStateException("thrown by onOpen");
        }

        @OnError
        public void error(Session session, Throwable error) {
            record(session, "error:" + error.getClass().getSimpleName() + ":" + error.getMessage());
        }

        @OnClose
        public void close(Session session) {
            record(session, "close");
        }
    }

    /** Answers with the recorded events of the name sent. */
    @ServerEndpoint("/events")
    public static class Events {
        @OnMessage
        public String events(String name) {
            return String.valueOf(EVENTS.getOrDefault(name, List.of()));
        }
    }
}
