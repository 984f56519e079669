package dev.ferry.samples;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.samples.tcp.TcpBridge;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The demo application ({@link DemoApplication}) started in one server of every {@link ServerKind}. */
final class RunningDemos implements AutoCloseable {

    private final Map<ServerKind, EmbeddedServer> servers = new EnumMap<>(ServerKind.class);

    /** With no TCP bridge. */
    static RunningDemos start() throws Exception {
        return start(List::of);
    }

    /** @param bridges makes each server's TCP bridges (each server needs bridges of its own) */
    static RunningDemos start(Supplier<List<TcpBridge>> bridges) throws Exception {
        RunningDemos running = new RunningDemos();
        try {
            for (ServerKind kind : ServerKind.values()) {
                EmbeddedServer server = kind.create();
                DemoApplication.start(server, 0, bridges.get());
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
        Exception first = null;
        for (EmbeddedServer server : servers.values()) {
            try {
                server.stop();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        servers.clear();
        if (first != null) {
            throw first;
        }
    }
}
