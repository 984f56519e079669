package dev.ferry.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12.1 without its WebSocket modules. Which environment (ee10, ee11) its web
 * applications run in is the {@link JettyEnvironment}'s business; this class holds the server,
 * its connector and the applications, root and WARs, side by side in one collection.
 */
final class JettyServer implements EmbeddedServer {

    private final JettyEnvironment environment;
    private Server server;
    private ServerConnector connector;
    private ContextHandlerCollection contexts;
    private final Map<String, ContextHandler> wars = new HashMap<>();

    private JettyServer(JettyEnvironment environment) {
        this.environment = environment;
    }

    static JettyServer ee10() {
        return new JettyServer(new JettyEe10());
    }

    static JettyServer ee11() {
        return new JettyServer(new JettyEe11());
    }

    @Override
    public synchronized void start(ServerSettings settings) throws Exception {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        Server s = new Server();
        connector = new ServerConnector(s);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        s.addConnector(connector);
        contexts = new ContextHandlerCollection();
        s.setHandler(contexts);
        // Jetty's stop waits this long for connections to end; Ferry closes its sessions with 1001 meanwhile.
        s.setStopTimeout(settings.gracefulStop().toMillis());
        StartFailures rootFailures = new StartFailures();
        ContextHandler root = null;
        if (settings.rootApp() != null) {
            root = environment.rootContext(settings.rootApp(), rootFailures);
            contexts.addHandler(root);
        }
        server = s;
        try {
            s.start();
        } catch (Exception e) {
            stop();
            throw rootFailures.first() != null ? rootFailures.notStarted() : e;
        }
        if (root != null && !root.isAvailable()) {
            // Fail as loudly as a thrown exception would, instead of serving 503s.
            stop();
            throw rootFailures.notStarted();
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
    public synchronized WebAppStart deployWar(Path directory, String contextPath) {
        if (server == null) {
            throw new IllegalStateException("Not started");
        }
        ContextHandler context = environment.warContext(directory, contextPath);
        contexts.addHandler(context);
        wars.put(contextPath, context);
        try {
            context.start();
        } catch (Exception e) {
            return WebAppStart.failed(e);
        }
        return context.isAvailable() ? WebAppStart.started() : WebAppStart.failed(null);
    }

    @Override
    public synchronized void undeployWar(String contextPath) throws Exception {
        ContextHandler context = wars.remove(contextPath);
        if (context != null) {
            try {
                context.stop();
            } finally {
                contexts.removeHandler(context);
                context.destroy();
            }
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        Server s = server;
        server = null;
        wars.clear();
        if (s != null) {
            s.stop();
        }
    }
}
