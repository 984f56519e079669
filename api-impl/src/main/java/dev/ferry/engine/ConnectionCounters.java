package dev.ferry.engine;

/**
 * Where a connection counts its traffic (an endpoint's metrics). Every method sits on the hot
 * path, per read, per message, per queued frame: an implementation only adds to counters, never
 * locks or blocks, and allocates nothing. Called from any thread.
 */
public interface ConnectionCounters {

    /** Counts nothing: client connections, and tests. */
    ConnectionCounters NONE = new ConnectionCounters() {
    };

    /** {@code bytes} arrived from the peer (frames as they travel: headers, control frames, compressed payloads). */
    default void bytesReceived(long bytes) {
    }

    /** {@code bytes} of frames were handed to the transport. */
    default void bytesSent(long bytes) {
    }

    /** A whole text or binary message arrived. */
    default void messageReceived() {
    }

    /** A whole text or binary message (its last frame) was queued for sending. */
    default void messageSent() {
    }

    /**
     * This side closed the connection with {@code closeCode} because something went wrong: a
     * protocol violation of the peer, a message too big, an internal error, a dead peer.
     */
    default void closedOnError(int closeCode) {
    }

    /** The connection's outbound queue reached a new high of {@code queuedBytes}. */
    default void outboundQueueReached(long queuedBytes) {
    }
}
