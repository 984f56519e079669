package dev.ferry.embedded;

import java.time.Duration;

/**
 * Where a server listens and what it serves from the start.
 *
 * @param host the address to listen on; {@code null} for every address
 * @param port 0 for a free port
 * @param gracefulStop how long a Jetty stop waits for open connections to end (in it Ferry
 *     closes its sessions with 1001 before Jetty drops them); Tomcat's stop does not wait
 * @param rootApp the application at {@code /}, or {@code null} for none (then only WARs are served)
 */
public record ServerSettings(String host, int port, Duration gracefulStop, WebApp rootApp) {

    private static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(5);

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free one) to 65535, not " + port);
        }
        if (gracefulStop == null || gracefulStop.isNegative()) {
            throw new IllegalArgumentException("gracefulStop must be zero or more, not " + gracefulStop);
        }
    }

    /** Every address, {@code port}, a 5 s graceful stop, no root application. */
    public static ServerSettings onPort(int port) {
        return new ServerSettings(null, port, DEFAULT_GRACEFUL_STOP, null);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, gracefulStop, rootApp);
    }

    public ServerSettings withGracefulStop(Duration newGracefulStop) {
        return new ServerSettings(host, port, newGracefulStop, rootApp);
    }

    public ServerSettings withRootApp(WebApp newRootApp) {
        return new ServerSettings(host, port, gracefulStop, newRootApp);
    }
}
