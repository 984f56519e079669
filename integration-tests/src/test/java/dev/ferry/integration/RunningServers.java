package dev.ferry.integration;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.embedded.WebApp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One started server of every {@link ServerKind}, all with the same endpoints, shared by a test class. */
final class RunningServers implements AutoCloseable {

    private final Map<ServerKind, EmbeddedServer> servers = new EnumMap<>(ServerKind.class);

    /** Ferry deploying {@code endpoints}, then {@code extras} (e.g. the application's own servlets). */
    static RunningServers start(Set<Class<?>> endpoints, Initializer... extras) throws Exception {
        WebApp app = FerryWebApp.deploying(endpoints).initializers(List.of(extras)).build();
        RunningServers running = new RunningServers();
        try {
            for (ServerKind kind : ServerKind.values()) {
                EmbeddedServer server = kind.create();
                server.start(0, app);
                running.servers.put(kind, server);
            }
        } catch (Exception e) {
            running.close();
            throw e;
        }
        return running;
    }

    int port(ServerKind kind) {
        return servers.get(kind).port();
    }

    /** The connections {@code kind}'s server counts as open (see {@link EmbeddedServer#openConnections()}). */
    long openConnections(ServerKind kind) {
        return servers.get(kind).openConnections();
    }

    @Override
    public void close() throws Exception {
        for (EmbeddedServer server : servers.values()) {
            server.stop();
        }
        servers.clear();
    }
}
