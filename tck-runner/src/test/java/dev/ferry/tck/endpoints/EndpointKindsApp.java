package dev.ferry.tck.endpoints;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;

/** Server endpoints of every kind: annotated, programmatic through ServerApplicationConfig, and added by a listener. */
public final class EndpointKindsApp {

    private EndpointKindsApp() {
    }

    @ServerEndpoint("/annotated")
    public static class AnnotatedEcho {
        @OnMessage
        public String echo(String message) {
            return "annotated:" + message;
        }
    }

    @ServerEndpoint("/greeter")
    public static class Greeter {
        @OnOpen
        public void greet(Session session) throws IOException {
            // A send from onOpen must reach the client before anything else.
            session.getBasicRemote().sendText("hello " + session.getId().isEmpty());
        }
    }

    /** Deployed at /programmatic by {@link Config}. */
    public static class ProgrammaticEcho extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message -> {
                try {
                    session.getBasicRemote().sendText("programmatic:" + message);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** Deployed at /from-listener by {@link AddingListener}. */
    public static class ListenerAddedEcho extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message ->
                    session.getAsyncRemote().sendText("listener:" + message));
        }
    }

    public static class Config implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            if (!endpointClasses.contains(ProgrammaticEcho.class)) {
                throw new IllegalStateException("The container did not pass the scanned Endpoint subclasses: " + endpointClasses);
            }
            return Set.of(ServerEndpointConfig.Builder.create(ProgrammaticEcho.class, "/programmatic").build());
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return scanned;
        }
    }

    /** Tries to add an endpoint while serving a request, long after the application was deployed. */
    @WebServlet("/add-late")
    public static class AddLate extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ServerContainer container = (ServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
            String outcome;
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(ListenerAddedEcho.class, "/too-late").build());
                outcome = "added";
            } catch (IllegalStateException | DeploymentException e) {
                outcome = e.getClass().getSimpleName();
            }
            response.setContentType("text/plain");
            response.getWriter().print(outcome);
        }
    }

    @WebListener
    public static class AddingListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServerContainer container = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(ListenerAddedEcho.class, "/from-listener").build());
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
