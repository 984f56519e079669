package dev.ferry.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * How a {@link NioTransport} moves application bytes over its socket: as they are
 * ({@link PlainChannelIo}) or through TLS ({@link TlsEngineAdapter}). Used on the I/O thread only.
 */
public interface ChannelIo {

    /** How far a {@link #write} got. */
    enum Progress {
        /** Every byte given, and everything this layer had pending, was handed to the socket. */
        DONE,
        /** The socket takes no more now; try again when it is writable. */
        SOCKET_FULL,
        /** Nothing can be written until the peer sends something (a TLS handshake in progress). */
        NEEDS_INPUT
    }

    /** The TCP connection is up. */
    void onConnected(SocketChannel channel) throws IOException;

    /**
     * Reads what is available into {@code dst} (which has room for at least
     * {@link #minReadBufferSize()} bytes).
     *
     * @return the application bytes put into {@code dst}, 0 when none are available now, -1 at
     *     the end of the stream
     */
    int read(SocketChannel channel, ByteBuffer dst) throws IOException;

    /** Writes as much of {@code srcs} (and of anything this layer holds) as the socket takes. */
    Progress write(SocketChannel channel, ByteBuffer[] srcs) throws IOException;

    /** Whether this layer has bytes of its own to write (a TLS handshake or close message). */
    boolean wantsWrite();

    /** Whether bytes already read from the socket wait to be decoded. */
    boolean hasBufferedInput();

    /** Says goodbye on the protocol level, if it has one, without blocking (best effort). */
    void closeOutbound(SocketChannel channel);

    /** The smallest read buffer {@link #read} works with. */
    int minReadBufferSize();

    boolean isSecure();
}
