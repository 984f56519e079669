package dev.ferry.tck.session;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;

/** Server endpoints that report what their {@link Session} says, or act on it when asked. */
public final class SessionApp {

    private SessionApp() {
    }

    /** Answers questions about its session; "put k=v" and "get k" use the user properties. */
    @ServerEndpoint("/info")
    public static class Info {
        @OnMessage
        public String ask(String question, Session session) {
            if (question.startsWith("put ")) {
                String[] kv = question.substring(4).split("=", 2);
                session.getUserProperties().put(kv[0], kv[1]);
                return "ok";
            }
            return switch (question) {
                case "id" -> session.getId();
                case "open-ids" -> {
                    StringBuilder ids = new StringBuilder();
                    session.getOpenSessions().stream().map(Session::getId).sorted().forEach(id -> ids.append(id).append(' '));
                    yield ids.toString().trim();
                }
                case "uri" -> session.getRequestURI().toString();
                case "query" -> String.valueOf(session.getQueryString());
                case "parameters" -> new TreeMap<>(session.getRequestParameterMap()).toString();
                case "version" -> session.getProtocolVersion();
                case "secure" -> String.valueOf(session.isSecure());
                case "container" -> String.valueOf(session.getContainer() != null);
                case "path-parameters" -> session.getPathParameters().toString();
                default -> question.startsWith("get ")
                        ? String.valueOf(session.getUserProperties().get(question.substring(4)))
                        : "unknown question " + question;
            };
        }
    }

    /**
     * Sends asynchronously from the thread that delivers the message and waits for the result
     * there, as applications do (and as the TCK's endpoints do): the send must complete although
     * that thread is inside the container's read callback.
     */
    @ServerEndpoint("/async-wait")
    public static class AsyncWait {
        @OnMessage
        public String echoAndWait(String text, Session session) throws Exception {
            java.util.concurrent.CompletableFuture<jakarta.websocket.SendResult> result = new java.util.concurrent.CompletableFuture<>();
            session.getAsyncRemote().sendText("echo " + text, result::complete);
            jakarta.websocket.SendResult sent = result.get(4, java.util.concurrent.TimeUnit.SECONDS);
            session.getAsyncRemote().sendObject(text.length()).get(4, java.util.concurrent.TimeUnit.SECONDS);
            return sent.isOK() ? "sent" : "failed " + sent.getException();
        }
    }

    /** A value whose encoder fails with an unchecked exception. */
    public record Unencodable(String why) {
    }

    public static class FailingEncoder implements jakarta.websocket.Encoder.Text<Unencodable> {
        @Override
        public String encode(Unencodable value) {
            throw new IllegalStateException(value.why());
        }
    }

    /** Reports how each kind of sendObject reports an encoder's unchecked failure. */
    @ServerEndpoint(value = "/failing-encoder", encoders = FailingEncoder.class)
    public static class FailingEncoderEndpoint {
        @OnMessage
        public String report(String why, Session session) throws Exception {
            StringBuilder report = new StringBuilder();
            try {
                session.getAsyncRemote().sendObject(new Unencodable(why)).get(4, java.util.concurrent.TimeUnit.SECONDS);
                report.append("future: no failure; ");
            } catch (java.util.concurrent.ExecutionException e) {
                report.append("future: ").append(e.getCause().getClass().getSimpleName())
                        .append('(').append(e.getCause().getCause().getMessage()).append("); ");
            }
            java.util.concurrent.CompletableFuture<jakarta.websocket.SendResult> handled = new java.util.concurrent.CompletableFuture<>();
            session.getAsyncRemote().sendObject(new Unencodable(why), handled::complete);
            jakarta.websocket.SendResult result = handled.get(4, java.util.concurrent.TimeUnit.SECONDS);
            report.append("handler: ").append(result.isOK() ? "ok" : result.getException().getClass().getSimpleName()).append("; ");
            try {
                session.getBasicRemote().sendObject(new Unencodable(why));
                report.append("basic: no failure");
            } catch (jakarta.websocket.EncodeException e) {
                report.append("basic: EncodeException");
            }
            return report.toString();
        }
    }

    @ServerEndpoint("/rooms/{room}/users/{user}")
    public static class PathParameters {
        @OnMessage
        public String ask(String ignored, Session session, @PathParam("room") String room, @PathParam("user") long user) {
            return room + "/" + (user + 1) + " " + new TreeMap<>(session.getPathParameters());
        }
    }

    /** Reports its path parameters as the session iterates them. */
    @ServerEndpoint("/order/{zeta}/{alpha}/{mid}")
    public static class PathParameterOrder {
        @OnMessage
        public String ask(String ignored, Session session) {
            return session.getPathParameters().toString();
        }
    }

    /** Says whether callbacks run with the web application's context class loader. */
    @ServerEndpoint("/context-loader")
    public static class ContextLoader {
        @OnMessage
        public String ask(String ignored) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context == getClass().getClassLoader() ? "application" : "other: " + context;
        }
    }

    @ServerEndpoint("/typed/{flag}/{n}")
    public static class TypedPathParameters {
        @OnOpen
        public void open(Session session, @PathParam("flag") boolean flag, @PathParam("n") Integer n) throws IOException {
            session.getBasicRemote().sendText("flag=" + flag + " n+1=" + (n + 1));
        }
    }

    @ServerEndpoint("/small")
    public static class SmallMessages {
        @OnMessage(maxMessageSize = 10)
        public String text(String text) {
            return "got " + text.length();
        }
    }

    @ServerEndpoint("/small-binary")
    public static class SmallBinary {
        @OnOpen
        public void open(Session session) {
            session.setMaxBinaryMessageBufferSize(16);
        }

        @OnMessage
        public String binary(ByteBuffer data) {
            return "got " + data.remaining();
        }
    }

    @ServerEndpoint("/small-text-buffer")
    public static class SmallTextBuffer {
        @OnOpen
        public void open(Session session) {
            session.setMaxTextMessageBufferSize(8);
        }

        @OnMessage
        public String text(String text, Session session) {
            return "got " + text.length() + " of at most " + session.getMaxTextMessageBufferSize();
        }
    }

    @ServerEndpoint("/idle")
    public static class Idle {
        @OnOpen
        public void open(Session session) {
            session.setMaxIdleTimeout(300);
        }

        @OnMessage
        public String echo(String text, Session session) {
            return text + " " + session.getMaxIdleTimeout();
        }
    }

    /** "plain" closes without a reason, "reason" with 4001 and a phrase, "twice" closes twice. */
    @ServerEndpoint("/close")
    public static class Closer {
        @OnMessage
        public void close(String how, Session session) throws IOException {
            switch (how) {
                case "plain" -> session.close();
                case "reason" -> session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4001), "bye now"));
                case "twice" -> {
                    session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "first"));
                    session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "second"));
                }
                default -> session.getBasicRemote().sendText("unknown " + how);
            }
        }
    }

    /** Keeps its session, so that /report can use it once it is closed. */
    @ServerEndpoint("/kept")
    public static class Kept {
        @OnOpen
        public void open(Session session) {
            KEPT.put(session.getQueryString(), session);
        }
    }

    static final Map<String, Session> KEPT = new java.util.concurrent.ConcurrentHashMap<>();

    static final Map<String, String> REPORT = new java.util.concurrent.ConcurrentHashMap<>();

    @ServerEndpoint("/report")
    public static class Report {
        /** "closed NAME": what using the kept session NAME does after it closed. */
        @OnMessage
        public String report(String question) {
            Session kept = KEPT.get(question.substring("closed ".length()));
            if (kept == null) {
                // The client's onClose comes at once when it closes, and it may ask before this
                // server has even opened the kept session.
                return "not open yet";
            }
            try {
                kept.getBasicRemote();
                return "no exception, open=" + kept.isOpen();
            } catch (IllegalStateException e) {
                return "IllegalStateException, open=" + kept.isOpen();
            }
        }
    }

    /** Blocking sends in order: whole text, an object, a message in two parts. */
    @ServerEndpoint("/senders")
    public static class Senders {
        @OnMessage
        public void send(String ignored, Session session) throws Exception {
            session.getBasicRemote().sendText("basic");
            session.getBasicRemote().sendObject(7);
            session.getBasicRemote().sendText("par", false);
            session.getBasicRemote().sendText("tial", true);
        }
    }

    /**
     * Asynchronous sends. The delivering thread does not wait for them (Ferry's README: that thread
     * must never wait for the peer); the SendHandler reports, with a send of its own, how both went.
     */
    @ServerEndpoint("/async")
    public static class AsyncSenders {
        @OnMessage
        public void send(String ignored, Session session) {
            Future<Void> future = session.getAsyncRemote().sendText("future");
            session.getAsyncRemote().sendText("handler", result -> {
                String outcome = result.isOK() ? "ok" : String.valueOf(result.getException());
                session.getAsyncRemote().sendText("handler " + outcome + ", future done " + future.isDone());
            });
        }
    }
}
