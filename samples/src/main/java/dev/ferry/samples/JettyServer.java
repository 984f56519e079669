package dev.ferry.samples;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Embedded Jetty 12.1 (Jetty's own WebSocket modules are absent). The environment (ee10, ee11)
 * is chosen by the subclass, which builds the servlet context.
 */
public abstract class JettyServer implements EmbeddedServer {

    private Server server;
    private ServerConnector connector;

    /** A servlet context at "/" running {@code initializers} and {@link NotFoundServlet} as default. */
    abstract ContextHandler servletContext(List<Initializer> initializers);

    @Override
    public void start(int port, List<Initializer> initializers) throws Exception {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        Server s = new Server();
        connector = new ServerConnector(s);
        connector.setPort(port);
        s.addConnector(connector);
        ContextHandler context = servletContext(initializers);
        s.setHandler((Handler) context);
        // A graceful stop: Ferry closes its sessions with 1001 in it, before Jetty drops connections.
        s.setStopTimeout(5_000);
        server = s;
        try {
            s.start();
        } catch (Exception e) {
            stop();
            throw e;
        }
        if (!context.isAvailable()) {
            // Fail as loudly as a thrown exception would, instead of serving 503s.
            stop();
            throw new IllegalStateException("The web application did not start; see the log above");
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public long openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    @Override
    public void stop() throws Exception {
        Server s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
    }

    /** Jetty's ee10 environment (Servlet 6.0). */
    public static final class Ee10 extends JettyServer {
        @Override
        ContextHandler servletContext(List<Initializer> initializers) {
            var context = new org.eclipse.jetty.ee10.servlet.ServletContextHandler("/",
                    org.eclipse.jetty.ee10.servlet.ServletContextHandler.SESSIONS);
            for (Initializer i : initializers) {
                context.addServletContainerInitializer(new org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder(
                        i.initializer(), i.classes().toArray(Class<?>[]::new)));
            }
            context.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder("default", new NotFoundServlet()), "/");
            return context;
        }
    }

    /** Jetty's ee11 environment (Servlet 6.1). */
    public static final class Ee11 extends JettyServer {
        @Override
        ContextHandler servletContext(List<Initializer> initializers) {
            var context = new org.eclipse.jetty.ee11.servlet.ServletContextHandler("/",
                    org.eclipse.jetty.ee11.servlet.ServletContextHandler.SESSIONS);
            for (Initializer i : initializers) {
                context.addServletContainerInitializer(new org.eclipse.jetty.ee11.servlet.ServletContainerInitializerHolder(
                        i.initializer(), i.classes().toArray(Class<?>[]::new)));
            }
            context.addServlet(new org.eclipse.jetty.ee11.servlet.ServletHolder("default", new NotFoundServlet()), "/");
            return context;
        }
    }
}
