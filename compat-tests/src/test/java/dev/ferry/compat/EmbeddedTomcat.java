package dev.ferry.compat;

import dev.ferry.servlet.FerryServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat of this module's version ({@code tomcat-embed-core} only, so Tomcat's own
 * WebSocket is absent) with JNDI on, as in a Tomcat distribution, serving Ferry's initializer with
 * the given endpoint classes on its default NIO connector.
 */
final class EmbeddedTomcat implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Path baseDir;

    private EmbeddedTomcat(Path baseDir) {
        this.baseDir = baseDir;
    }

    static EmbeddedTomcat start(Set<Class<?>> endpoints, Map<String, String> contextParameters) throws Exception {
        EmbeddedTomcat server = new EmbeddedTomcat(Files.createTempDirectory("ferry-compat-tomcat"));
        Tomcat t = server.tomcat;
        t.setBaseDir(server.baseDir.toString());
        t.setPort(0);
        t.getConnector(); // creates the default HTTP/1.1 (NIO) connector
        t.enableNaming();
        Context context = t.addContext("", server.baseDir.toString());
        contextParameters.forEach(context::addParameter);
        context.addServletContainerInitializer(new FerryServletContainerInitializer(), endpoints);
        // Tomcat runs a request's filters (Ferry's upgrade filter) only when some servlet is mapped.
        Tomcat.addServlet(context, "default", new NotFound());
        context.addServletMappingDecoded("/", "default");
        try {
            t.start();
        } catch (LifecycleException e) {
            server.close();
            throw e;
        }
        if (!context.getState().isAvailable()) {
            server.close();
            throw new IllegalStateException("The web application did not start; see the log");
        }
        return server;
    }

    String version() {
        return org.apache.catalina.util.ServerInfo.getServerNumber();
    }

    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            tomcat.stop();
        } finally {
            tomcat.destroy();
            deleteRecursively(baseDir);
        }
    }

    /** Answers every request that is no WebSocket handshake. */
    private static final class NotFound extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
