package dev.ferry.benchmarks.servers;

import jakarta.servlet.ServletContainerInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat 11 with its default NIO connector settings. */
final class TomcatContainer implements EmbeddedContainer {

    private Tomcat tomcat;
    private Connector connector;

    @Override
    public void start(String host, int port, List<ServletContainerInitializer> initializers, Set<Class<?>> scannedClasses,
            Map<String, String> initParameters) throws Exception {
        Path baseDir = Files.createTempDirectory("ferry-bench-tomcat");
        baseDir.toFile().deleteOnExit();
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", host);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        for (Map.Entry<String, String> p : initParameters.entrySet()) {
            context.addParameter(p.getKey(), p.getValue());
        }
        for (ServletContainerInitializer initializer : initializers) {
            context.addServletContainerInitializer(initializer, scannedClasses);
        }
        Tomcat.addServlet(context, "stats", new HeapStatsServlet());
        context.addServletMappingDecoded("/stats", "stats");
        Tomcat.addServlet(context, "default", new NotFoundServlet());
        context.addServletMappingDecoded("/", "default");
        tomcat.start();
        if (!context.getState().isAvailable()) {
            // Tomcat logs a failed context start instead of throwing.
            throw new IllegalStateException("The web application did not start; see the log above");
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
