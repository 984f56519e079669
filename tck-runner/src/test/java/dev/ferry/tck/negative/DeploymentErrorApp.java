package dev.ferry.tck.negative;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener adds a broken endpoint and catches the DeploymentException, as the official TCK's
 * negative tests do; then it tries to add a valid one. Section 5.2.1: a deployment error must
 * take every endpoint of the application out of service, and no more may be deployed. A servlet
 * reports what the listener saw.
 */
public final class DeploymentErrorApp {

    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    private DeploymentErrorApp() {
    }

    @ServerEndpoint("/later")
    public static class Later {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    /** Deploys only the valid echo from the scan; the listener adds the rest. */
    public static class OnlyTheEcho implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of(ValidEcho.class);
        }
    }

    @WebListener
    public static class AddingListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServerContainer container = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
            SEEN.put("broken", outcome(() -> container.addEndpoint(InvalidEndpoints.TwoTextMessageMethods.class)));
            SEEN.put("later", outcome(() -> container.addEndpoint(Later.class)));
        }
    }

    interface Deployment {
        void run() throws DeploymentException;
    }

    static String outcome(Deployment deployment) {
        try {
            deployment.run();
            return "deployed";
        } catch (DeploymentException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    @WebServlet("/seen")
    public static class Seen extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("broken=" + SEEN.get("broken") + " later=" + SEEN.get("later"));
        }
    }
}
