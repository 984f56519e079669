package dev.ferry.integration;

import dev.ferry.embedded.Initializer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Endpoints and servlets the integration tests deploy next to {@link EchoEndpoint}. */
final class TestEndpoints {

    private TestEndpoints() {
    }

    /** Every endpoint the integration tests use. */
    static final Set<Class<?>> ALL = Set.of(EchoEndpoint.class, Closing.class, Base64Protocol.class,
            OriginRejecting.class, Small.class);

    /** On a text message "CODE reason", closes the session with that code and reason. */
    @ServerEndpoint("/close")
    public static class Closing {
        @OnMessage
        public void onMessage(Session session, String message) throws IOException {
            int space = message.indexOf(' ');
            int code = Integer.parseInt(message.substring(0, space));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), message.substring(space + 1)));
        }
    }

    @ServerEndpoint(value = "/proto", subprotocols = {"base64"})
    public static class Base64Protocol {
        @OnMessage
        public String echo(String message) {
            return message;
        }
    }

    @ServerEndpoint(value = "/origin", configurator = RejectEveryOrigin.class)
    public static class OriginRejecting {
        @OnMessage
        public String echo(String message) {
            return message;
        }
    }

    public static class RejectEveryOrigin extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return false;
        }
    }

    /** Text messages up to {@link #MAX} bytes. */
    @ServerEndpoint("/small")
    public static class Small {
        static final int MAX = 1024;

        @OnMessage(maxMessageSize = MAX)
        public String echo(String message) {
            return message;
        }
    }

    /** Registers a plain servlet at {@code /hello}, to check that other requests pass the filter untouched. */
    static final class HelloServletInitializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) {
            context.addServlet("hello", new HelloServlet()).addMapping("/hello");
        }
    }

    static final class HelloServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    static Initializer helloServlet() {
        return Initializer.of(new HelloServletInitializer());
    }
}
