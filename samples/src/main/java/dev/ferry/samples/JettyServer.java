package dev.ferry.samples;

import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12.1, ee10 environment (Jetty's own WebSocket modules are absent). */
public final class JettyServer implements EmbeddedServer {

    private Server server;
    private ServerConnector connector;

    @Override
    public void start(int port, List<Initializer> initializers) throws Exception {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        Server s = new Server();
        connector = new ServerConnector(s);
        connector.setPort(port);
        s.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        for (Initializer i : initializers) {
            context.addServletContainerInitializer(
                    new ServletContainerInitializerHolder(i.initializer(), i.classes().toArray(Class<?>[]::new)));
        }
        context.addServlet(new ServletHolder("default", new NotFoundServlet()), "/");
        s.setHandler(context);
        s.setStopTimeout(2_000);
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
    public void stop() throws Exception {
        Server s = server;
        server = null;
        if (s != null) {
            s.stop();
        }
    }
}
