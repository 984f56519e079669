package dev.ferry.benchmarks.servers;

import jakarta.servlet.ServletContainerInitializer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12.1, ee10 environment, with its default connector and thread pool settings. */
final class JettyContainer implements EmbeddedContainer {

    private Server server;
    private ServerConnector connector;

    @Override
    public void start(String host, int port, List<ServletContainerInitializer> initializers, Set<Class<?>> scannedClasses,
            Map<String, String> initParameters) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        Class<?>[] scanned = scannedClasses.toArray(Class<?>[]::new);
        for (Map.Entry<String, String> p : initParameters.entrySet()) {
            context.setInitParameter(p.getKey(), p.getValue());
        }
        for (ServletContainerInitializer initializer : initializers) {
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(initializer, scanned));
        }
        context.addServlet(new ServletHolder("stats", new HeapStatsServlet()), "/stats");
        context.addServlet(new ServletHolder("default", new NotFoundServlet()), "/");
        server.setHandler(context);
        server.setStopTimeout(2_000);
        server.start();
        if (!context.isAvailable()) {
            throw new IllegalStateException("The web application did not start; see the log above");
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}
