package dev.ferry.broadcast;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.ManualScheduler;
import dev.ferry.metrics.ContainerMetrics;
import dev.ferry.session.FerrySession;
import dev.ferry.session.HandshakeInfo;
import dev.ferry.session.SessionCounters;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link Topics} with server sessions on in-memory {@link Peer}s: one node, no servlet container. */
final class TestNode implements AutoCloseable {

    /** One session and its peer. */
    record Client(FerrySession session, Peer peer, List<CloseReason> closes) {
        List<String> texts() {
            return peer.texts();
        }
    }

    final ManualScheduler time = new ManualScheduler();
    final ContainerMetrics metrics;
    final Topics topics;
    private final AtomicInteger ids = new AtomicInteger();
    private final ServerEndpointConfig config;

    TestNode(BroadcastSettings settings) {
        this(settings, false, "/broadcast-test");
    }

    TestNode(BroadcastSettings settings, boolean jmx, String application) {
        this(settings, jmx, application, ServerEndpointConfig.Builder.create(Endpoint.class, "/feed").build());
    }

    TestNode(BroadcastSettings settings, boolean jmx, String application, ServerEndpointConfig config) {
        this.metrics = new ContainerMetrics(jmx, application);
        this.topics = new Topics(settings, metrics, application, getClass().getClassLoader());
        this.config = config;
    }

    static BroadcastSettings settings(int maxQueued, SlowSubscriberPolicy policy) {
        return new BroadcastSettings(maxQueued, policy, 1, "test-node");
    }

    /** An open server session whose peer reads; the session's container has {@link #topics}. */
    Client connect() {
        return connect(1 << 20);
    }

    Client connect(long maxOutboundBytes) {
        Peer peer = new Peer();
        List<CloseReason> closes = new CopyOnWriteArrayList<>();
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                closes.add(reason);
            }
        };
        HandshakeInfo info = new HandshakeInfo(URI.create("ws://localhost/feed"), null, Map.of(), Map.of(), null, "",
                List.of(), false);
        SessionLimits limits = new SessionLimits(1 << 20, 1 << 20, 1 << 20, 0, 2_000, 500, maxOutboundBytes, 0, 0);
        FerrySession session = new FerrySession(Integer.toString(ids.incrementAndGet()), new OwnerContainer(topics),
                endpoint, config, info, ConcurrentHashMap.newKeySet(), limits, peer, true, null, time, null,
                SessionCounters.NONE, new dev.ferry.engine.MessageBufferPool(0));
        session.open();
        return new Client(session, peer, closes);
    }

    @Override
    public void close() {
        topics.close();
        metrics.close();
        time.stop();
    }
}
