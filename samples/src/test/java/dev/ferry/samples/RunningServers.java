package dev.ferry.samples;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** One started server of every {@link ServerKind}, all with the same endpoints, shared by a test class. */
final class RunningServers implements AutoCloseable {

    private final Map<ServerKind, EmbeddedServer> servers = new EnumMap<>(ServerKind.class);

    static RunningServers start(Set<Class<?>> endpoints, EmbeddedServer.Initializer... extras) throws Exception {
        RunningServers running = new RunningServers();
        try {
            for (ServerKind kind : ServerKind.values()) {
                EmbeddedServer server = kind.create();
                server.start(0, endpoints, extras);
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

    @Override
    public void close() throws Exception {
        for (EmbeddedServer server : servers.values()) {
            server.stop();
        }
        servers.clear();
    }
}
