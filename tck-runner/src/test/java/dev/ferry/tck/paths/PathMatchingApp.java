package dev.ferry.tck.paths;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.TreeMap;

/** Overlapping paths; each endpoint greets with its own template and the matched parameters. */
public final class PathMatchingApp {

    private PathMatchingApp() {
    }

    static void greet(Session session, String template) throws IOException {
        session.getBasicRemote().sendText(template + " " + new TreeMap<>(session.getPathParameters()));
    }

    @ServerEndpoint("/a/b")
    public static class Exact {
        @OnOpen
        public void open(Session s) throws IOException {
            greet(s, "/a/b");
        }
    }

    @ServerEndpoint("/a/{x}")
    public static class OneVariable {
        @OnOpen
        public void open(Session s) throws IOException {
            greet(s, "/a/{x}");
        }
    }

    @ServerEndpoint("/{p}/b/c")
    public static class VariableFirst {
        @OnOpen
        public void open(Session s) throws IOException {
            greet(s, "/{p}/b/c");
        }
    }

    @ServerEndpoint("/a/{x}/c")
    public static class VariableSecond {
        @OnOpen
        public void open(Session s) throws IOException {
            greet(s, "/a/{x}/c");
        }
    }

    @ServerEndpoint("/a/b/{y}")
    public static class VariableThird {
        @OnOpen
        public void open(Session s) throws IOException {
            greet(s, "/a/b/{y}");
        }
    }

    @ServerEndpoint("/a/{x}/{y}")
    public static class TwoVariables {
        @OnOpen
        public void open(Session s) throws IOException {
            greet(s, "/a/{x}/{y}");
        }
    }
}
