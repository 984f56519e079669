package dev.ferry.session;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.ConnectionListener;
import dev.ferry.engine.ConnectionSettings;
import dev.ferry.engine.MessageBufferPool;
import dev.ferry.engine.Scheduler;
import dev.ferry.engine.WebSocketConnection;
import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.frame.CloseFrames;
import dev.ferry.message.DecoderSet;
import dev.ferry.message.EncoderSet;
import dev.ferry.message.MessageHandlerRegistry;
import dev.ferry.transport.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The Jakarta {@link Session}: the application's handle on one connection. It routes inbound
 * messages to the registered handlers and reports the connection's end to the endpoint once.
 */
public final class FerrySession implements Session, ConnectionListener {

    private static final System.Logger LOG = System.getLogger(FerrySession.class.getName());

    private final String id;
    private final WebSocketContainer container;
    private final Endpoint endpoint;
    private final EndpointConfig config;
    private final HandshakeInfo handshake;
    private final Set<FerrySession> peers;
    private final SessionLimits limits;
    private final Scheduler scheduler;
    private final MessageHandlerRegistry handlers;
    private final DecoderSet decoders;
    private final EncoderSet encoders;
    private final WebSocketConnection connection;
    private final FerryBasicRemote basic;
    private final FerryAsyncRemote async;
    private final MessageSender sender;
    private final boolean server;
    /** Made on first use (most sessions never join a topic, and idle ones should stay small); guarded by sender. */
    private SessionFanOut fanOut;
    private final SessionCounters counters;

    private volatile int maxTextMessageBufferSize;
    private volatile int maxBinaryMessageBufferSize;
    private volatile long maxIdleTimeout;

    private volatile boolean closed;

    /**
     * @param peers    the live set of open sessions of the same endpoint; this session adds itself
     *                 on open and removes itself on close
     * @param counters where this session counts its traffic (its endpoint's metrics)
     * @param buffers  the container's pool of arrays for large messages
     */
    public FerrySession(String id, WebSocketContainer container, Endpoint endpoint, EndpointConfig config,
            HandshakeInfo handshake, Set<FerrySession> peers, SessionLimits limits,
            Transport transport, boolean server, Random maskKeys, Scheduler scheduler, PerMessageDeflate deflate,
            SessionCounters counters, MessageBufferPool buffers) {
        this.counters = counters;
        this.server = server;
        this.id = id;
        this.container = container;
        this.endpoint = endpoint;
        this.config = config;
        this.handshake = handshake;
        this.peers = peers;
        this.limits = limits;
        this.scheduler = scheduler;
        this.maxTextMessageBufferSize = limits.maxTextMessageSize();
        this.maxBinaryMessageBufferSize = limits.maxBinaryMessageSize();
        this.maxIdleTimeout = limits.idleTimeoutMillis();
        this.decoders = new DecoderSet(config.getDecoders(), config);
        this.encoders = new EncoderSet(config.getEncoders(), config);
        this.handlers = new MessageHandlerRegistry(config, decoders);
        this.connection = new WebSocketConnection(transport, this, handlers, new ConnectionSettings(server,
                limits.maxFrameSize(), limits.maxOutboundBytes(), limits.closeTimeoutMillis()), maskKeys, scheduler,
                deflate, counters, buffers);
        this.sender = new MessageSender(connection, encoders);
        this.basic = new FerryBasicRemote(this, sender);
        this.async = new FerryAsyncRemote(this, sender, limits.sendTimeoutMillis());
    }

    /** Calls the endpoint's onOpen, then starts reading. */
    public void open() {
        counters.sessionOpened();
        peers.add(this);
        connection.runAsDelivering(() -> {
            try {
                endpoint.onOpen(this, config);
            } catch (RuntimeException | Error e) {
                onApplicationError(e);
            }
        });
        connection.setIdleTimeout(maxIdleTimeout);
        connection.startKeepAlive(limits.pingIntervalMillis(), limits.pongTimeoutMillis());
        connection.start();
    }

    /** What a broadcast ({@code dev.ferry.broadcast}) uses of this session. */
    public SessionFanOut fanOut() {
        // Locks the sender, not the session: applications may hold the session's monitor while they send.
        synchronized (sender) {
            if (fanOut == null) {
                fanOut = new SessionFanOut(this, connection, sender, encoders, server);
                if (closed) {
                    fanOut.ended();
                }
            }
            return fanOut;
        }
    }

    WebSocketConnection connection() {
        return connection;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    long sendTimeoutMillis() {
        return limits.sendTimeoutMillis();
    }

    /**
     * Drops the connection without waiting any longer for the peer (used at shutdown, once the
     * peers had their moment to answer the close).
     */
    public void drop() {
        connection.abort();
    }

    /** Ends the session at once after a send failed in a way that leaves the connection unusable. */
    void abort(Throwable cause) {
        LOG.log(Level.DEBUG, () -> "Session " + id + " aborted: " + cause.getMessage());
        int code = jakarta.websocket.CloseReason.CloseCodes.GOING_AWAY.getCode();
        if (connection.close(code, "Send timeout")) {
            counters.closedOnError(code);
        }
        connection.abort();
    }

    // ---- ConnectionListener ---------------------------------------------------------------------

    @Override
    public long maxTextMessageSize() {
        return maxTextMessageBufferSize;
    }

    @Override
    public long maxBinaryMessageSize() {
        return maxBinaryMessageBufferSize;
    }

    @Override
    public void onApplicationError(Throwable failure) {
        counters.errorReported();
        try {
            endpoint.onError(this, failure);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "onError of " + endpoint.getClass().getName() + " failed", e);
        }
    }

    @Override
    public void onClosed(int code, String reason) {
        counters.sessionClosed();
        try {
            endpoint.onClose(this, new CloseReason(CloseReason.CloseCodes.getCloseCode(code), CloseFrames.fitReason(reason)));
        } catch (RuntimeException e) {
            // An application error like any other: onError hears of it (the TCK checks this too).
            onApplicationError(e);
        } catch (Error e) {
            LOG.log(Level.WARNING, "onClose of " + endpoint.getClass().getName() + " failed", e);
        } finally {
            closed = true;
            decoders.destroy();
            encoders.destroy();
            SessionFanOut current;
            synchronized (sender) {
                current = fanOut;
            }
            if (current != null) {
                current.ended();
            }
        }
    }

    /**
     * The Session javadoc: once the session is closed (here: once onClose has run, so that onClose
     * itself may still use it), using it throws {@link IllegalStateException}.
     */
    private void requireNotClosed() {
        if (closed) {
            throw new IllegalStateException("Session " + id + " is closed");
        }
    }

    /**
     * Only now does the session leave its endpoint's set: until the peer has answered the close
     * (or been dropped), a container's shutdown must still see and wait for it.
     */
    @Override
    public void onTransportClosed() {
        peers.remove(this);
    }

    // ---- Session ------------------------------------------------------------------------------

    @Override
    public WebSocketContainer getContainer() {
        return container;
    }

    @Override
    public void addMessageHandler(MessageHandler handler) {
        requireNotClosed();
        handlers.add(handler);
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Whole<T> handler) {
        requireNotClosed();
        handlers.add(clazz, handler);
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Partial<T> handler) {
        requireNotClosed();
        handlers.add(clazz, handler);
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        return handlers.handlers();
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        requireNotClosed();
        handlers.remove(handler);
    }

    @Override
    public String getProtocolVersion() {
        return "13";
    }

    @Override
    public String getNegotiatedSubprotocol() {
        return handshake.subprotocol();
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        return handshake.extensions();
    }

    @Override
    public boolean isSecure() {
        return handshake.secure();
    }

    /**
     * True until the endpoint's onClose has returned, as in Tomcat: a thread that waits for
     * {@code !isOpen()} then sees everything onClose did. (Sending is refused as soon as the
     * closing handshake has begun, whatever this says.)
     */
    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public long getMaxIdleTimeout() {
        return maxIdleTimeout;
    }

    @Override
    public void setMaxIdleTimeout(long milliseconds) {
        maxIdleTimeout = Math.max(0, milliseconds);
        connection.setIdleTimeout(maxIdleTimeout);
    }

    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        maxBinaryMessageBufferSize = length;
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        return maxBinaryMessageBufferSize;
    }

    @Override
    public void setMaxTextMessageBufferSize(int length) {
        maxTextMessageBufferSize = length;
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        return maxTextMessageBufferSize;
    }

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        requireNotClosed();
        return async;
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        requireNotClosed();
        return basic;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void close() throws IOException {
        close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    }

    @Override
    public void close(CloseReason closeReason) throws IOException {
        connection.close(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
    }

    @Override
    public URI getRequestURI() {
        return handshake.requestUri();
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        return handshake.parameters();
    }

    @Override
    public String getQueryString() {
        return handshake.queryString();
    }

    @Override
    public Map<String, String> getPathParameters() {
        return handshake.pathParameters();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        // Server configs reach here as a per-session copy, so these properties are this session's own.
        return config.getUserProperties();
    }

    @Override
    public Principal getUserPrincipal() {
        return handshake.userPrincipal();
    }

    @Override
    public Set<Session> getOpenSessions() {
        Set<Session> open = new java.util.HashSet<>();
        for (FerrySession s : peers) {
            if (s.isOpen()) {
                open.add(s);
            }
        }
        return java.util.Collections.unmodifiableSet(open);
    }

    @Override
    public String toString() {
        return "FerrySession[" + id + " " + handshake.requestUriText() + "]";
    }
}
