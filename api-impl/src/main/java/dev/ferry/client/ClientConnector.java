package dev.ferry.client;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.Scheduler;
import dev.ferry.nio.NioTransport;
import dev.ferry.nio.TlsEngineAdapter;
import dev.ferry.session.FerrySession;
import dev.ferry.session.HandshakeInfo;
import dev.ferry.transport.Transport;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Opens one client connection: TCP (and TLS), the opening handshake, then the session.
 *
 * <p>The caller's thread runs the configurator, waits (never longer than the connect timeout)
 * and calls {@code onOpen}; the I/O thread only moves bytes. So application code never runs on
 * the I/O thread during the handshake, and a slow server cannot hold more than the caller.
 */
final class ClientConnector {

    private static final System.Logger LOG = System.getLogger(ClientConnector.class.getName());

    /** What a session needs from its container. */
    interface SessionFactory {
        /** @param deflate permessage-deflate as agreed, or {@code null} */
        FerrySession newSession(Endpoint endpoint, ClientEndpointConfig config, HandshakeInfo info,
                SessionLimits limits, Transport transport, Scheduler scheduler,
                dev.ferry.extension.DeflateParameters deflate);

        SessionLimits limitsFor(ClientEndpointConfig config);
    }

    /** The parts of a ws:// or wss:// URI a connection needs. */
    record Target(URI uri, boolean secure, String host, int port) {

        static Target of(URI uri) throws DeploymentException {
            if (uri == null) {
                throw new DeploymentException("No URI to connect to");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss")) {
                throw new DeploymentException("Cannot connect to " + uri + ": a WebSocket URI starts with ws:// or wss://");
            }
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                throw new DeploymentException("Cannot connect to " + uri + ": the URI has no host");
            }
            if (uri.getRawFragment() != null) {
                throw new DeploymentException("Cannot connect to " + uri + ": a WebSocket URI has no #fragment");
            }
            boolean secure = scheme.equals("wss");
            int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
            String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return new Target(uri, secure, bareHost, port);
        }
    }

    private final ClientRuntime runtime;
    private final SessionFactory sessions;

    ClientConnector(ClientRuntime runtime, SessionFactory sessions) {
        this.runtime = runtime;
        this.sessions = sessions;
    }

    /** Connects {@code endpoint} to {@code uri}, blocking the caller at most the connect timeout. */
    FerrySession connect(Endpoint endpoint, ClientEndpointConfig config, URI uri)
            throws DeploymentException, IOException {
        Target target = Target.of(uri);
        long timeoutMillis = ClientProperties.connectTimeoutMillis(config);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ClientRuntime.Threads threads;
        try {
            threads = runtime.threads();
        } catch (IllegalStateException e) {
            throw new DeploymentException(e.getMessage());
        }
        if (threads.loop().inLoop()) {
            // Callbacks run on worker threads, so only Ferry's own code could get here.
            throw new DeploymentException("connectToServer was called on the client I/O thread; it would wait for itself");
        }
        ClientHandshake handshake = new ClientHandshake(uri, config, runtime.random());
        ByteBuffer request = handshake.request();
        TlsEngineAdapter tls = target.secure()
                ? TlsEngineAdapter.forClient(ClientProperties.sslContext(config), target.host(), target.port())
                : null;
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            throw new IOException("Cannot connect to " + uri + ": unknown host " + target.host());
        }

        HandshakeResponseReader reader = new HandshakeResponseReader();
        NioTransport transport = NioTransport.open(threads.loop(), threads.workers(), address, tls);
        reader.attach(transport);
        transport.write(new ByteBuffer[] {request}, LOG_WRITE_FAILURE);
        transport.connect(reader);

        HttpResponseHead response = awaitResponse(reader, transport, uri, timeoutMillis, deadline);
        ClientHandshake.Agreement agreement;
        try {
            agreement = handshake.accept(response);
        } catch (DeploymentException | RuntimeException e) {
            transport.close(true);
            throw e;
        }
        ClientEndpointConfig sessionConfig = new SessionClientConfig(config);
        HandshakeInfo info = new HandshakeInfo(uri, uri.getRawQuery(), QueryParameters.parse(uri.getRawQuery()),
                null, null, agreement.subprotocol(), agreement.extensions(), target.secure());
        FerrySession session = sessions.newSession(endpoint, sessionConfig, info, sessions.limitsFor(config),
                transport, threads.scheduler(), agreement.deflate());
        session.open();
        return session;
    }

    private static HttpResponseHead awaitResponse(HandshakeResponseReader reader, NioTransport transport, URI uri,
            long timeoutMillis, long deadline) throws DeploymentException, IOException {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return reader.response().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            transport.close(true);
            SocketTimeoutException timeout = new SocketTimeoutException("Connecting to " + uri + " timed out after "
                    + timeoutMillis + " ms (TCP connect, TLS and the opening handshake must finish within "
                    + ClientProperties.CONNECT_TIMEOUT + ")");
            reader.response().completeExceptionally(timeout);
            throw timeout;
        } catch (InterruptedException e) {
            transport.close(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while connecting to " + uri);
        } catch (CancellationException e) {
            transport.close(true);
            throw new IOException("Connecting to " + uri + " was cancelled", e);
        } catch (ExecutionException e) {
            transport.close(true);
            throw failure(e.getCause(), uri);
        }
    }

    /** Why the handshake response never came, as the exception the caller gets. */
    private static IOException failure(Throwable cause, URI uri) throws DeploymentException {
        if (cause instanceof ProtocolException) {
            throw new DeploymentException("The server's answer to the WebSocket upgrade of " + uri
                    + " is not valid: " + cause.getMessage(), cause);
        }
        if (cause instanceof SSLException) {
            return new IOException("The TLS handshake with " + uri + " failed: " + cause.getMessage(), cause);
        }
        return new IOException("Cannot connect to " + uri + ": " + cause.getMessage(), cause);
    }

    private static final Transport.WriteCallback LOG_WRITE_FAILURE = new Transport.WriteCallback() {
        @Override
        public void completed() {
        }

        @Override
        public void failed(Throwable cause) {
            // The handshake reader hears about the broken connection and reports it to the caller.
            LOG.log(Level.DEBUG, () -> "Sending the handshake request failed: " + cause);
        }
    };
}
