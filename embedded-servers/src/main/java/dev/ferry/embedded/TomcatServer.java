package dev.ferry.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;

/**
 * Embedded Tomcat 11 from {@code tomcat-embed-core} alone: Tomcat's WebSocket module is not on the
 * class path, so whatever WebSocket implementation is (Ferry's, normally) is the only one.
 */
public final class TomcatServer implements EmbeddedServer {

    private Tomcat tomcat;
    private Connector connector;
    private Path baseDir;
    private final Map<String, WarContext> wars = new HashMap<>();

    TomcatServer() {
    }

    @Override
    public synchronized void start(ServerSettings settings) throws Exception {
        if (tomcat != null) {
            throw new IllegalStateException("Already started");
        }
        baseDir = Files.createTempDirectory("ferry-tomcat");
        Tomcat t = new Tomcat();
        t.setBaseDir(baseDir.toString());
        t.setPort(settings.port());
        connector = t.getConnector(); // creates the default HTTP/1.1 (NIO) connector
        if (settings.host() != null) {
            connector.setProperty("address", settings.host());
        }
        // WARs: the default web.xml would add Jasper's JSP servlet, which tomcat-embed-core lacks
        // (WarContext adds the default servlet itself); nothing is deployed from the base directory.
        t.setAddDefaultWebXmlToWebapp(false);
        StandardHost host = (StandardHost) t.getHost();
        host.setAutoDeploy(false);
        host.setDeployOnStartup(false);
        StartFailures rootFailures = new StartFailures();
        Context root = settings.rootApp() == null ? null : addRootApp(t, settings.rootApp(), rootFailures);
        // Only now: Tomcat creates every context of the host (the root one too) of this class.
        host.setContextClass(WarContext.class.getName());
        tomcat = t;
        try {
            t.start();
        } catch (LifecycleException e) {
            stop();
            throw rootFailures.first() != null ? rootFailures.notStarted() : e;
        }
        if (root != null && !root.getState().isAvailable()) {
            // Tomcat logs a failed context start instead of throwing; fail as loudly as Jetty does.
            stop();
            throw rootFailures.notStarted();
        }
    }

    private Context addRootApp(Tomcat t, WebApp app, StartFailures failures) {
        Context context = t.addContext("", baseDir.toString());
        app.initParameters().forEach(context::addParameter);
        for (Initializer i : app.initializers()) {
            context.addServletContainerInitializer(failures.watch(i.initializer()), i.classes());
        }
        for (WebApp.Servlet s : app.servlets()) {
            Tomcat.addServlet(context, s.name(), s.servlet());
            s.mappings().forEach(mapping -> context.addServletMappingDecoded(mapping, s.name()));
        }
        Tomcat.addServlet(context, "default", app.defaultServlet());
        context.addServletMappingDecoded("/", "default");
        return context;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public long openConnections() {
        return ((AbstractProtocol<?>) connector.getProtocolHandler()).getConnectionCount();
    }

    /**
     * Sets an attribute of the HTTP connector as {@code <Connector>} in server.xml would, on the
     * running server, e.g. {@code maxConnections} (8,192 by default; {@code -1} for no limit),
     * which Tomcat applies at run time.
     *
     * @return whether Tomcat knew the attribute
     */
    public boolean setConnectorProperty(String name, String value) {
        return connector.setProperty(name, value);
    }

    /** Processors Tomcat keeps on its list for async timeouts (an upgraded connection's, while it is open). */
    public int waitingProcessorCount() {
        return ((AbstractProtocol<?>) connector.getProtocolHandler()).getWaitingProcessorCount();
    }

    @Override
    public synchronized WebAppStart deployWar(Path directory, String contextPath) {
        if (tomcat == null) {
            throw new IllegalStateException("Not started");
        }
        // addWebapp starts the context at once, since the host is running.
        RuntimeException thrown = null;
        try {
            tomcat.addWebapp(tomcat.getHost(), contextPath, directory.toString());
        } catch (RuntimeException e) {
            // A RuntimeException from an initializer escapes addWebapp ("Error starting child"),
            // but the context stays a child of the host, failed, like any other failed start.
            thrown = e;
        }
        WarContext context = (WarContext) tomcat.getHost().findChild(contextPath);
        if (context == null) {
            throw thrown != null ? thrown : new IllegalStateException("Tomcat did not create a context for " + directory);
        }
        wars.put(contextPath, context);
        if (thrown == null && context.getState().isAvailable()) {
            return WebAppStart.started();
        }
        // Tomcat logs a failed start instead of throwing it; WarContext kept the cause.
        return WebAppStart.failed(context.startFailure() != null ? context.startFailure() : thrown);
    }

    @Override
    public synchronized void undeployWar(String contextPath) {
        WarContext context = wars.remove(contextPath);
        if (context != null) {
            // Stops and destroys the context (Ferry closes its sessions as the context stops).
            tomcat.getHost().removeChild(context);
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        Tomcat t = tomcat;
        tomcat = null;
        wars.clear();
        try {
            if (t != null) {
                try {
                    t.stop();
                } finally {
                    t.destroy();
                }
            }
        } finally {
            if (baseDir != null) {
                deleteRecursively(baseDir);
                baseDir = null;
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
