package dev.ferry.samples;

import dev.ferry.servlet.FerryServletContainerInitializer;
import jakarta.servlet.ServletContainerInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A servlet container started in this JVM with one root web application, whose servlet context
 * is set up by the given initializers (as a container would after scanning a WAR). Every path
 * is served by {@link NotFoundServlet} unless an initializer maps it, so that filters run on any
 * path, as they would in a real application.
 */
public interface EmbeddedServer {

    /** A {@link ServletContainerInitializer} and the classes the container would hand it after scanning. */
    record Initializer(ServletContainerInitializer initializer, Set<Class<?>> classes) {
    }

    /** Starts on {@code port} (0 = any free port) with exactly these initializers. */
    void start(int port, List<Initializer> initializers) throws Exception;

    /**
     * Starts with Ferry deploying {@code endpoints} (as if scanned), plus {@code extras} such as
     * initializers that register the application's own servlets.
     */
    default void start(int port, Set<Class<?>> endpoints, Initializer... extras) throws Exception {
        List<Initializer> all = new ArrayList<>();
        all.add(new Initializer(new FerryServletContainerInitializer(), endpoints));
        all.addAll(List.of(extras));
        start(port, all);
    }

    /** The port it listens on (the real one when started on port 0). */
    int port();

    /** The TCP connections the container counts as open on its connector (WebSocket ones included). */
    long openConnections();

    /** Stops it and releases what it holds; does nothing when not running. */
    void stop() throws Exception;

}
