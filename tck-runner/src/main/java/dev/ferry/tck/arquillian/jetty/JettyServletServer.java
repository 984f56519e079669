package dev.ferry.tck.arquillian.jetty;

import dev.ferry.tck.arquillian.ExplodedWar;
import dev.ferry.tck.arquillian.ServletServer;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12.1 in its ee10 environment, without Jetty's WebSocket modules. Each WAR becomes
 * a {@link WebAppContext} with the annotation configuration, which is what discovers Ferry's
 * {@code ServletContainerInitializer} on the server class path and hands it the WAR's endpoint
 * classes.
 */
public final class JettyServletServer implements ServletServer {

    private Server server;
    private ServerConnector connector;
    private ContextHandlerCollection contexts;
    private final Map<String, WebAppContext> deployed = new HashMap<>();

    @Override
    public synchronized void start(String address, int port) throws Exception {
        Server s = new Server();
        connector = new ServerConnector(s);
        connector.setHost(address);
        connector.setPort(port);
        s.addConnector(connector);
        contexts = new ContextHandlerCollection();
        s.setHandler(contexts);
        // No graceful wait at stop: WebSocket connections never end by themselves. Stopping a
        // context lets Ferry close its sessions.
        s.setStopTimeout(0);
        server = s;
        s.start();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public synchronized StartResult deploy(ExplodedWar war) throws Exception {
        WebAppContext context = new WebAppContext();
        context.setContextPath(war.contextPath().isEmpty() ? "/" : war.contextPath());
        context.setWar(war.directory().toString());
        context.setDisplayName(war.archiveName());
        context.addConfiguration(new AnnotationConfiguration());
        // Have start() throw what failed (e.g. Ferry's DeploymentException inside a
        // ServletException) instead of only logging it and marking the context unavailable.
        context.setThrowUnavailableOnStartupException(true);
        contexts.addHandler(context);
        deployed.put(war.archiveName(), context);
        try {
            context.start();
        } catch (Exception e) {
            return StartResult.failed(e);
        }
        return context.isAvailable() ? StartResult.started() : StartResult.failed(null);
    }

    @Override
    public synchronized void undeploy(ExplodedWar war) throws Exception {
        WebAppContext context = deployed.remove(war.archiveName());
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
        deployed.clear();
        if (s != null) {
            s.stop();
        }
    }
}
