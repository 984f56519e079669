package dev.ferry.client;

import dev.ferry.config.FerrySettings;
import dev.ferry.config.SessionDefaults;
import dev.ferry.config.SessionLimits;
import dev.ferry.engine.MessageBufferPool;
import dev.ferry.engine.Scheduler;
import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.extension.DeflateParameters;
import dev.ferry.instance.EndpointInstance;
import dev.ferry.instance.EndpointInstanceFactory;
import dev.ferry.instance.ReleasingEndpoint;
import dev.ferry.session.FerrySession;
import dev.ferry.session.HandshakeInfo;
import dev.ferry.session.SessionCounters;
import dev.ferry.transport.Transport;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ferry's WebSocket client: connects endpoints to servers over {@code ws://} and {@code wss://}.
 *
 * <p>Each container owns its threads (one I/O thread, {@value ClientRuntime#IO_THREAD_NAME}, one
 * timer thread and worker threads for the endpoints' callbacks, all daemons, started on the first
 * connection) and nothing is static, so containers are independent. {@link #close()} closes the open sessions with 1001 and stops the
 * threads.
 *
 * <p>Per connection, the {@code ClientEndpointConfig} user properties
 * {@code dev.ferry.connectTimeout} (ms, default 10 000) and {@code dev.ferry.sslContext} (an
 * {@code SSLContext}, when the config sets none) apply, as do the per-session settings of the
 * server side ({@code dev.ferry.maxFrameSize}, {@code dev.ferry.closeTimeout}, ...).
 *
 * <p>Endpoint callbacks run on worker threads ({@value ClientRuntime#WORKER_THREAD_NAME}-N), one
 * at a time and in order per session: a callback that blocks holds up its own session only, and
 * may wait for another session of the same container.
 */
public final class FerryClientContainer extends SessionDefaults implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FerryClientContainer.class.getName());
    /** How long {@link #close()} lets servers answer the close frames before the sockets are dropped. */
    private static final long CLOSE_GRACE_MILLIS = 1_000;

    private final ClientRuntime runtime = new ClientRuntime();
    /** Instances of endpoints connected by class: from CDI when a container runs, else by reflection. */
    private final EndpointInstanceFactory instances = EndpointInstanceFactory.standard();
    private final AnnotatedClientEndpoints annotated = new AnnotatedClientEndpoints(instances);
    private final Set<FerrySession> openSessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong();
    /** Arrays for large messages, shared by this container's sessions. */
    private final MessageBufferPool buffers = new MessageBufferPool(settings().messageBufferPool());
    /** Spare compressors for connections without context takeover (see {@link ZlibPool}). */
    private final ZlibPool zlib = new ZlibPool(java.util.zip.Deflater.DEFAULT_COMPRESSION, 4);
    private final ClientConnector connector = new ClientConnector(runtime, new ClientConnector.SessionFactory() {
        @Override
        public FerrySession newSession(Endpoint endpoint, ClientEndpointConfig config, HandshakeInfo info,
                SessionLimits limits, Transport transport, Scheduler scheduler,
                DeflateParameters deflate) {
            String id = "c" + Long.toHexString(sessionIds.incrementAndGet());
            return new FerrySession(id, FerryClientContainer.this, endpoint, config, info, openSessions, limits,
                    transport, false, runtime.random(), scheduler,
                    deflate == null ? null : deflate.start(false, zlib), SessionCounters.NONE, buffers);
        }

        @Override
        public SessionLimits limitsFor(ClientEndpointConfig config) {
            return FerryClientContainer.this.limitsFor(config.getUserProperties());
        }
    });


    public FerryClientContainer() {
        super(FerrySettings.defaults());
    }

    // ---- connecting ---------------------------------------------------------------------------

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        if (annotatedEndpointInstance == null) {
            throw new DeploymentException("No endpoint instance given");
        }
        if (annotatedEndpointInstance instanceof Endpoint endpoint
                && !annotatedEndpointInstance.getClass().isAnnotationPresent(jakarta.websocket.ClientEndpoint.class)) {
            return connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), path);
        }
        AnnotatedClientEndpoints.Prepared prepared = annotated.wrap(annotatedEndpointInstance);
        return connect(prepared.endpoint(), prepared.config(), path);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        if (annotatedEndpointClass == null) {
            throw new DeploymentException("No endpoint class given");
        }
        AnnotatedClientEndpoints.Prepared prepared = annotated.instantiate(annotatedEndpointClass);
        return connect(prepared.endpoint(), prepared.config(), path);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        if (endpointInstance == null) {
            throw new DeploymentException("No endpoint instance given");
        }
        return connect(endpointInstance, cec, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        if (endpointClass == null) {
            throw new DeploymentException("No endpoint class given");
        }
        EndpointInstance<? extends Endpoint> instance;
        try {
            instance = instances.create(endpointClass);
        } catch (InstantiationException e) {
            throw new DeploymentException(e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
        return connect(ReleasingEndpoint.wrap(instance.get(), instance), cec, path);
    }

    private Session connect(Endpoint endpoint, ClientEndpointConfig config, URI path)
            throws DeploymentException, IOException {
        boolean connected = false;
        try {
            if (runtime.isShutDown()) {
                throw new DeploymentException("This WebSocket client container has been closed");
            }
            ClientEndpointConfig effective = config != null ? config : ClientEndpointConfig.Builder.create().build();
            Session session = connector.connect(endpoint, effective, path);
            connected = true;
            return session;
        } finally {
            if (!connected) {
                // No session will close it: an instance this container made (CDI) ends here.
                ReleasingEndpoint.releaseIfOwed(endpoint);
            }
        }
    }

    // ---- shutting down ------------------------------------------------------------------------

    /**
     * Closes every open session with 1001 (going away), gives the servers a moment to answer,
     * then stops the container's threads. The container cannot connect afterwards. Idempotent.
     */
    @Override
    public void close() {
        ClientRuntime.Threads threads = runtime.beginShutdown();
        if (threads == null) {
            return;
        }
        for (FerrySession session : List.copyOf(openSessions)) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "The client is shutting down"));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "Closing " + session + " at shutdown failed", e);
            }
        }
        // Inside a callback the session's own close is delivered only after it returns: no waiting there.
        if (!threads.loop().inLoop() && !ClientRuntime.onWorkerThread()) {
            awaitSessionsClosed(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MILLIS));
        }
        ClientRuntime.stop(threads, CLOSE_GRACE_MILLIS);
        zlib.close();
    }

    /** Same as {@link #close()}. */
    public void shutdown() {
        close();
    }

    private void awaitSessionsClosed(long deadlineNanos) {
        while (!openSessions.isEmpty() && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The I/O thread, or {@code null} before the first connection; for tests. */
    Thread ioThread() {
        ClientRuntime.Threads threads = runtime.startedThreads();
        return threads == null ? null : threads.loop().thread();
    }

    /** The analysed annotated endpoints; for tests. */
    AnnotatedClientEndpoints annotatedEndpoints() {
        return annotated;
    }

    // ---- defaults -----------------------------------------------------------------------------

    /** permessage-deflate, offered on every connection unless {@code dev.ferry.deflate} is false. */
    @Override
    public Set<Extension> getInstalledExtensions() {
        return Set.of(DeflateParameters.clientOffer());
    }
}
