package dev.ferry.transport;

import java.nio.ByteBuffer;

/**
 * What the engine tells a {@link Transport} it wants to hear. Calls for one transport never
 * overlap: the transport delivers from one thread at a time.
 */
public interface TransportListener {

    /**
     * Bytes arrived. The engine consumes all of them before returning (it may change their
     * content, e.g. unmask in place); the buffer is the transport's again afterwards.
     */
    void onData(ByteBuffer data);

    /** The peer closed its side, or reading failed; no more data follows. */
    void onEndOfInput(Throwable failureOrNull);

    /** The transport is closed; called exactly once, last. */
    void onClosed();
}
