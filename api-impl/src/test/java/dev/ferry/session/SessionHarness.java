package dev.ferry.session;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.ManualScheduler;
import dev.ferry.engine.MessageBufferPool;
import dev.ferry.engine.frame.FrameWriter;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A server session on an in-memory transport, with a recording endpoint. */
final class SessionHarness implements AutoCloseable {

    final InMemoryTransport transport = new InMemoryTransport();
    final List<CloseReason> closes = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    /** The session's clock: tests move it to make timeouts happen. */
    final ManualScheduler time = new ManualScheduler();
    final FerrySession session;
    /** The pool the session's large messages come from; tests look into it. */
    final MessageBufferPool buffers = new MessageBufferPool(8L << 20);
    /** Runs inside the endpoint's onClose, before the close is recorded. */
    volatile java.util.function.Consumer<Session> duringClose = s -> { };

    SessionHarness(BiConsumer<Session, EndpointConfig> onOpen) {
        this(onOpen, new SessionLimits(1024, 1024, 1 << 20, 0, 2_000, 500, 64 * 1024, 0, 0));
    }

    SessionHarness(BiConsumer<Session, EndpointConfig> onOpen, SessionLimits limits) {
        this(onOpen, limits, null);
    }

    SessionHarness(BiConsumer<Session, EndpointConfig> onOpen, SessionLimits limits,
            dev.ferry.engine.deflate.PerMessageDeflate deflate) {
        this(onOpen, limits, deflate, null);
    }

    /** @param config the endpoint's configuration (its decoders, encoders), or null for a plain one */
    SessionHarness(BiConsumer<Session, EndpointConfig> onOpen, SessionLimits limits,
            dev.ferry.engine.deflate.PerMessageDeflate deflate, ServerEndpointConfig config) {
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                onOpen.accept(session, config);
            }

            @Override
            public void onClose(Session session, CloseReason closeReason) {
                try {
                    duringClose.accept(session);
                } finally {
                    closes.add(closeReason);
                }
            }

            @Override
            public void onError(Session session, Throwable thr) {
                errors.add(thr);
            }
        };
        if (config == null) {
            config = ServerEndpointConfig.Builder.create(endpoint.getClass(), "/test").build();
        }
        HandshakeInfo info = new HandshakeInfo(URI.create("ws://localhost/test"), null, Map.of(), Map.of(), null, "",
                List.of(), false);
        session = new FerrySession("1", null, endpoint, config, info, java.util.concurrent.ConcurrentHashMap.newKeySet(),
                limits, transport, true, null, time, deflate, SessionCounters.NONE, buffers);
        session.open();
    }

    /** Feeds one masked client frame. */
    void clientFrame(boolean fin, int opcode, byte[] payload) {
        clientFrame(fin, 0, opcode, payload);
    }

    void clientFrame(boolean fin, int rsv, int opcode, byte[] payload) {
        transport.feed(bytes(FrameWriter.encode(fin, rsv, opcode, ByteBuffer.wrap(payload), true, 0x1234abcd)));
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    InMemoryTransport.Frame lastFrame() {
        List<InMemoryTransport.Frame> frames = transport.frames();
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    @Override
    public void close() {
        time.stop();
    }
}
