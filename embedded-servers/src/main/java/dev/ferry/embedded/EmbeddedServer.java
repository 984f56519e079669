package dev.ferry.embedded;

import java.nio.file.Path;

/**
 * A servlet container started in this JVM: with a root web application built in code (see
 * {@link WebApp}), with exploded WARs deployed while it runs, or both. Get one from
 * {@link ServerKind#create()}; each instance is started at most once.
 */
public interface EmbeddedServer extends AutoCloseable {

    /**
     * Starts listening as {@code settings} say, with their root application (if any) deployed.
     *
     * @throws IllegalStateException when the root application does not start (with what failed, when known)
     */
    void start(ServerSettings settings) throws Exception;

    /** Starts on every address at {@code port} (0 = a free port) with {@code rootApp} at {@code /}. */
    default void start(int port, WebApp rootApp) throws Exception {
        start(ServerSettings.onPort(port).withRootApp(rootApp));
    }

    /** The port it listens on (the real one when started on port 0). */
    int port();

    /** The TCP connections the container counts as open on its connector (upgraded ones included). */
    long openConnections();

    /**
     * Creates and starts a web application from an exploded WAR, as the container's own deployer
     * would: it scans the WAR (not the JVM's class path) for the classes its initializers ask for,
     * so Ferry's initializer, found on the server's class path, gets the WAR's endpoints. A start
     * that fails is reported in the result, not thrown, and the application stays deployed (and
     * unavailable) until {@link #undeployWar}.
     *
     * @param contextPath {@code ""} for the root, else {@code /name}
     */
    WebAppStart deployWar(Path directory, String contextPath) throws Exception;

    /** Stops and removes the application deployed at {@code contextPath}; nothing if there is none. */
    void undeployWar(String contextPath) throws Exception;

    /** Stops it and releases what it holds; does nothing when not running. */
    void stop() throws Exception;

    @Override
    default void close() throws Exception {
        stop();
    }
}
