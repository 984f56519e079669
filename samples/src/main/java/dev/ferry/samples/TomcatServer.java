package dev.ferry.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat 11 ({@code tomcat-embed-core} only: Tomcat's own WebSocket module is absent). */
public final class TomcatServer implements EmbeddedServer {

    private Tomcat tomcat;
    private Connector connector;
    private Path baseDir;

    @Override
    public void start(int port, List<Initializer> initializers) throws Exception {
        if (tomcat != null) {
            throw new IllegalStateException("Already started");
        }
        baseDir = Files.createTempDirectory("ferry-tomcat");
        Tomcat t = new Tomcat();
        t.setBaseDir(baseDir.toString());
        t.setPort(port);
        connector = t.getConnector(); // creates the default HTTP/1.1 connector
        Context context = t.addContext("", baseDir.toString());
        for (Initializer i : initializers) {
            context.addServletContainerInitializer(i.initializer(), i.classes());
        }
        Tomcat.addServlet(context, "default", new NotFoundServlet());
        context.addServletMappingDecoded("/", "default");
        tomcat = t;
        try {
            t.start();
        } catch (LifecycleException e) {
            stop();
            throw e;
        }
        if (!context.getState().isAvailable()) {
            // Tomcat logs a failed context start instead of throwing; fail as loudly as Jetty does.
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
        return ((org.apache.coyote.AbstractProtocol<?>) connector.getProtocolHandler()).getConnectionCount();
    }

    /** Processors Tomcat keeps on its list for async timeouts (an upgraded connection's, while it is open). */
    public int waitingProcessorCount() {
        return ((org.apache.coyote.AbstractProtocol<?>) connector.getProtocolHandler()).getWaitingProcessorCount();
    }

    @Override
    public void stop() throws Exception {
        Tomcat t = tomcat;
        tomcat = null;
        if (t != null) {
            try {
                t.stop();
            } finally {
                t.destroy();
            }
        }
        if (baseDir != null) {
            deleteRecursively(baseDir);
            baseDir = null;
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
