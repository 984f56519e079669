package dev.ferry.nio;

import dev.ferry.transport.WriteSlot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * TLS over a non-blocking socket with an {@link SSLEngine}: unwraps what the socket delivers,
 * wraps what the application writes, and drives the TLS handshake from both directions.
 *
 * <p>The engine's delegated tasks (certificate checks, key agreement) run inline on the I/O
 * thread: they compute, they do not wait on I/O, and running them here keeps the order of
 * engine calls obvious.
 */
public final class TlsEngineAdapter {

    /** How far a {@link #write} got. */
    enum Progress {
        /** Every byte given, and everything TLS had pending, was handed to the socket. */
        DONE,
        /** The socket takes no more now; try again when it is writable. */
        SOCKET_FULL,
        /** Nothing can be written until the peer sends something (a handshake in progress). */
        NEEDS_INPUT
    }


    private static final ByteBuffer[] NO_DATA = {ByteBuffer.allocate(0)};

    private final SSLEngine engine;
    /** Bytes read from the socket and not yet unwrapped; kept in write mode. */
    private ByteBuffer netIn;
    /** Wrapped bytes not yet written to the socket; kept in read mode. */
    private ByteBuffer netOut;
    /** Application bytes wait in a write that cannot go on until the handshake reads more. */
    private boolean writeWaitsForHandshake;

    TlsEngineAdapter(SSLEngine engine) {
        this.engine = engine;
        int packetSize = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packetSize);
        this.netOut = ByteBuffer.allocate(packetSize).flip();
    }

    /**
     * A client engine for {@code host}: the server's certificate must name it (endpoint
     * identification "HTTPS") and the host name goes out as SNI unless it is an IP literal.
     */
    public static TlsEngineAdapter forClient(SSLContext context, String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(host)) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // Not a name SNI can carry (e.g. one with '_'); the certificate check still applies.
            }
        }
        engine.setSSLParameters(parameters);
        return new TlsEngineAdapter(engine);
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /** The TCP connection is up: the TLS handshake starts. */
    void onConnected() throws IOException {
        engine.beginHandshake();
    }

    /**
     * Reads and unwraps what is available into {@code dst} (which has room for at least
     * {@link #minReadBufferSize()} bytes).
     *
     * @return the application bytes put into {@code dst}, 0 when none are available now, -1 at
     *     the end of the stream
     */
    int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        int produced = 0;
        while (true) {
            netIn.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, dst);
            } finally {
                netIn.compact();
            }
            produced += result.bytesProduced();
            HandshakeStatus handshake = runDelegatedTasks(result.getHandshakeStatus());
            switch (result.getStatus()) {
                case OK:
                    if (handshake == HandshakeStatus.NEED_WRAP) {
                        return produced; // the transport writes, then comes back to read
                    }
                    if (result.bytesConsumed() > 0 || result.bytesProduced() > 0) {
                        if (dst.remaining() < engine.getSession().getApplicationBufferSize()) {
                            return produced;
                        }
                        continue;
                    }
                    break;
                case BUFFER_UNDERFLOW:
                    break;
                case BUFFER_OVERFLOW:
                    if (produced > 0) {
                        return produced;
                    }
                    throw new SSLException("TLS read buffer of " + dst.remaining() + " bytes is too small");
                case CLOSED:
                    return produced > 0 ? produced : -1;
                default:
                    throw new SSLException("Unexpected TLS unwrap status " + result.getStatus());
            }
            // The engine needs more bytes from the network; deliver what we have first.
            if (produced > 0) {
                return produced;
            }
            makeRoomInNetIn();
            int n = channel.read(netIn);
            if (n <= 0) {
                return n;
            }
        }
    }

    /** A record can be larger than the buffer if the peer's packet size grew; grow with it. */
    private void makeRoomInNetIn() {
        if (!netIn.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() + engine.getSession().getPacketBufferSize());
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
    }

    /** Wraps and writes as much of {@code srcs} (and of what TLS holds itself) as the socket takes. */
    Progress write(SocketChannel channel, ByteBuffer[] srcs) throws IOException {
        while (true) {
            if (netOut.hasRemaining()) {
                channel.write(netOut);
                if (netOut.hasRemaining()) {
                    return Progress.SOCKET_FULL;
                }
            }
            HandshakeStatus handshake = runDelegatedTasks(engine.getHandshakeStatus());
            boolean appData = !WriteSlot.isEmpty(srcs);
            if (handshake == HandshakeStatus.NEED_UNWRAP || handshake == HandshakeStatus.NEED_UNWRAP_AGAIN) {
                writeWaitsForHandshake = appData && !engine.isOutboundDone();
                return appData && !engine.isOutboundDone() ? Progress.NEEDS_INPUT : Progress.DONE;
            }
            if (handshake != HandshakeStatus.NEED_WRAP && !appData || engine.isOutboundDone()) {
                writeWaitsForHandshake = false;
                if (appData) {
                    throw new SSLException("The TLS connection is closed; nothing more can be sent");
                }
                return Progress.DONE;
            }
            netOut.clear();
            SSLEngineResult result;
            try {
                result = engine.wrap(appData ? srcs : NO_DATA, netOut);
            } finally {
                netOut.flip();
            }
            switch (result.getStatus()) {
                case OK:
                case CLOSED:
                    if (result.bytesProduced() == 0 && result.bytesConsumed() == 0
                            && engine.getHandshakeStatus() == handshake) {
                        // Looping again would spin the I/O thread.
                        throw new SSLException("The TLS engine made no progress (" + handshake + ")");
                    }
                    break; // write what was produced, then look again
                case BUFFER_OVERFLOW:
                    netOut = ByteBuffer.allocate(netOut.capacity() + engine.getSession().getPacketBufferSize()).flip();
                    break;
                default:
                    throw new SSLException("Unexpected TLS wrap status " + result.getStatus());
            }
        }
    }

    private HandshakeStatus runDelegatedTasks(HandshakeStatus status) {
        HandshakeStatus current = status;
        while (current == HandshakeStatus.NEED_TASK) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
            current = engine.getHandshakeStatus();
        }
        return current;
    }

    /** Whether TLS has bytes of its own to write (a handshake or close message). */
    boolean wantsWrite() {
        if (netOut.hasRemaining()) {
            return true;
        }
        HandshakeStatus handshake = engine.getHandshakeStatus();
        return handshake == HandshakeStatus.NEED_WRAP
                || writeWaitsForHandshake && handshake != HandshakeStatus.NEED_UNWRAP;
    }

    /** Whether bytes already read from the socket wait to be unwrapped. */
    boolean hasBufferedInput() {
        return netIn.position() > 0;
    }

    /** Says goodbye (close_notify) without blocking, as far as the socket takes it now. */
    void closeOutbound(SocketChannel channel) {
        engine.closeOutbound();
        try {
            write(channel, NO_DATA); // the close_notify, if the socket takes it now
        } catch (IOException | RuntimeException e) {
            // Best effort: the TCP close follows anyway.
        }
    }

    /** The smallest read buffer {@link #read} works with. */
    int minReadBufferSize() {
        return engine.getSession().getApplicationBufferSize();
    }
}
