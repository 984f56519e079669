package dev.ferry.tck.arquillian.tomcat;

import dev.ferry.tck.arquillian.ExplodedWar;
import dev.ferry.tck.arquillian.ServletServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 from {@code tomcat-embed-core} alone: Tomcat's WebSocket module is not on the
 * class path, so Ferry's initializer is the only WebSocket implementation a web application finds.
 */
public final class TomcatServletServer implements ServletServer {

    private Tomcat tomcat;
    private Connector connector;
    private Path baseDir;
    private final Map<String, WarContext> contexts = new HashMap<>();

    @Override
    public synchronized void start(String address, int port) throws Exception {
        baseDir = Files.createTempDirectory("ferry-arquillian-tomcat-base");
        Tomcat t = new Tomcat();
        t.setBaseDir(baseDir.toString());
        t.setPort(port);
        // The default web.xml would add Jasper's JSP servlet, which tomcat-embed-core lacks;
        // WarContext adds the default servlet itself.
        t.setAddDefaultWebXmlToWebapp(false);
        connector = t.getConnector();
        connector.setProperty("address", address);
        StandardHost host = (StandardHost) t.getHost();
        host.setAutoDeploy(false);
        host.setDeployOnStartup(false);
        // Tomcat.addWebapp creates its contexts from this class name.
        host.setContextClass(WarContext.class.getName());
        tomcat = t;
        t.start();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public synchronized StartResult deploy(ExplodedWar war) {
        // addWebapp starts the context at once, since the host is running.
        RuntimeException thrown = null;
        try {
            tomcat.addWebapp(tomcat.getHost(), war.contextPath(), war.directory().toString());
        } catch (RuntimeException e) {
            // A RuntimeException from an initializer escapes addWebapp ("Error starting child"),
            // but the context stays a child of the host, failed, like any other failed start.
            thrown = e;
        }
        WarContext context = (WarContext) tomcat.getHost().findChild(war.contextPath());
        if (context == null) {
            throw thrown != null ? thrown : new IllegalStateException("Tomcat did not create a context for " + war);
        }
        contexts.put(war.archiveName(), context);
        if (thrown == null && context.getState().isAvailable()) {
            return StartResult.started();
        }
        // Tomcat logs a failed start instead of throwing it; WarContext kept the cause.
        return StartResult.failed(context.startFailure() != null ? context.startFailure() : thrown);
    }

    @Override
    public synchronized void undeploy(ExplodedWar war) {
        WarContext context = contexts.remove(war.archiveName());
        if (context != null) {
            // Stops and destroys the context (Ferry closes its sessions as the context stops).
            tomcat.getHost().removeChild(context);
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        Tomcat t = tomcat;
        tomcat = null;
        contexts.clear();
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
                try (Stream<Path> paths = Files.walk(baseDir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                baseDir = null;
            }
        }
    }
}
