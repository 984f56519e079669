package dev.ferry.tck.negative;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.InputStream;
import java.io.Reader;

/**
 * One endpoint per rule whose breach must fail the deployment (chapters 4 and 5). Each is deployed
 * in a WAR of its own beside {@link ValidEcho}, which must then not answer either.
 */
public final class InvalidEndpoints {

    private InvalidEndpoints() {
    }

    @ServerEndpoint("/bad")
    public static class TwoTextMessageMethods {
        @OnMessage
        public void asString(String text) {
        }

        @OnMessage
        public void asReader(Reader text) {
        }
    }

    @ServerEndpoint("/bad/{id}")
    public static class PathParamOfUnsupportedType {
        @OnMessage
        public void message(String text, @PathParam("id") StringBuilder id) {
        }
    }

    @ServerEndpoint("/bad")
    public static class OnErrorWithoutThrowable {
        @OnError
        public void error(Session session) {
        }
    }

    @ServerEndpoint("/bad/{id")
    public static class UnclosedTemplateVariable {
        @OnMessage
        public void message(String text) {
        }
    }

    @ServerEndpoint("/bad/{a}/{a}")
    public static class RepeatedTemplateVariable {
        @OnMessage
        public void message(String text) {
        }
    }

    @ServerEndpoint("bad")
    public static class RelativePath {
        @OnMessage
        public void message(String text) {
        }
    }

    @ServerEndpoint("/same")
    public static class SamePathOne {
        @OnMessage
        public void message(String text) {
        }
    }

    @ServerEndpoint("/same")
    public static class SamePathTwo {
        @OnMessage
        public void message(String text) {
        }
    }

    @ServerEndpoint("/t/{a}")
    public static class TemplateOne {
        @OnMessage
        public void message(String text) {
        }
    }

    @ServerEndpoint("/t/{b}")
    public static class EquivalentTemplate {
        @OnMessage
        public void message(String text) {
        }
    }

    @ServerEndpoint("/bad")
    public static class NonPublicOnMessage {
        @OnMessage
        String message(String text) {
            return text;
        }
    }

    @ServerEndpoint("/bad")
    public static class TwoOnOpen {
        @OnOpen
        public void first(Session session) {
        }

        @OnOpen
        public void second() {
        }
    }

    @ServerEndpoint("/bad")
    public static class UndecodableMessageType {
        @OnMessage
        public void message(Thread notDecodable) {
        }
    }

    @ServerEndpoint("/bad")
    public static class PartialPong {
        @OnMessage
        public void pong(PongMessage pong, boolean last) {
        }
    }

    @ServerEndpoint("/bad")
    public static class PartialInputStream {
        @OnMessage
        public void binary(InputStream in, boolean last) {
        }
    }

    @ServerEndpoint("/bad")
    public static class OnCloseWithExtraParameter {
        @OnClose
        public void close(Session session, CloseReason reason, String extra) {
        }
    }
}
