package dev.ferry.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The engine's view of one byte stream: the servlet bridge implements it on a servlet
 * {@code WebConnection}, the client on NIO channels, the tests in memory.
 *
 * <p>All methods are non-blocking and may be called from any thread. Bytes arrive through the
 * {@link TransportListener} the engine installs.
 */
public interface Transport {

    /**
     * Installs the receiver of inbound bytes and starts reading. Called once, after the
     * endpoint's {@code onOpen}: a write and a graceful close requested before this call are
     * carried out once the transport can write.
     */
    void start(TransportListener listener);

    /**
     * Writes {@code buffers}, in order. {@code done} is completed (from any thread, possibly this
     * one, possibly before this call returns) once every byte has been handed to the underlying
     * connection, or failed. The buffers must not be touched until then.
     *
     * <p>One write at a time: the caller makes the next write only once {@code done} has run
     * (it may do so from inside {@code done}). The session's send queue is the one place that
     * queues, orders and gathers frames; a transport only moves bytes, and keeps the write in
     * flight in a {@link WriteSlot}.
     *
     * @throws IllegalStateException when a write is still in flight
     */
    void write(ByteBuffer[] buffers, WriteCallback done);

    /**
     * Stops delivering bytes to the listener until {@link #resumeReading()}; bytes the peer sends
     * meanwhile stay in the kernel and TCP flow control pushes back on the peer.
     */
    void pauseReading();

    /** Resumes delivery after {@link #pauseReading()}. */
    void resumeReading();

    /**
     * Closes the connection once the write in flight has been written (or at once, failing it,
     * when {@code abort} is set). Idempotent. The listener then gets {@link TransportListener#onClosed()}.
     */
    void close(boolean abort);

    /** The address of the peer, or {@code null} when the transport has none. */
    InetSocketAddress remoteAddress();

    /** The local address, or {@code null} when the transport has none. */
    InetSocketAddress localAddress();

    /** Whether the bytes travel over TLS. */
    boolean isSecure();

    /**
     * Whether the thread that delivers what this transport reads may wait for a write to complete.
     * True unless writing depends on that thread coming back: through a servlet container's
     * non-blocking streams (Tomcat reports "writable" only once the read callback has returned), a
     * wait there could last until its deadline. Where it may, a blocking send of the application's
     * buffer from that thread waits instead of sending a copy.
     *
     * @param applicationBytes the size of the application's buffer the caller would send without a
     *                         copy if it may wait, 0 for a send of Ferry's own bytes. A transport
     *                         that delivers on its own I/O thread answers no there, and may take a
     *                         large buffer as the hint to deliver the connection's next messages on
     *                         workers, where such sends wait instead of copying.
     */
    default boolean deliveringThreadMayWait(int applicationBytes) {
        return true;
    }

    /** Completion of one {@link #write}. */
    interface WriteCallback {
        void completed();

        void failed(Throwable cause);
    }
}
