package dev.ferry.engine;

import java.nio.ByteBuffer;

/**
 * Where the engine delivers binary messages of one session.
 *
 * <p>The engine calls a sink for one message at a time, from one thread at a time. Any exception
 * thrown here is routed by the engine to the endpoint's {@code onError}.
 */
public interface BinarySink {

    /**
     * {@code true}: the engine buffers the whole message (bounded by the session's maximum binary
     * message buffer size), calls {@link #onBinary} once with {@code last == true}, and the buffer
     * then belongs to the sink to keep. {@code false}: the engine calls {@link #onBinary} per
     * fragment or chunk, and the buffer belongs to the sink only for the duration of the call.
     */
    boolean wantsWholeMessage();

    /**
     * {@code true}: a whole message's buffer belongs to the sink only for the duration of
     * {@link #onBinary} (the application's {@code ByteBuffer} handler, which the specification
     * tells not to keep it), so the engine may recycle it once the call returned and every send
     * of it has completed. {@code false} (the default): the sink keeps it.
     */
    default boolean lendsWholeMessage() {
        return false;
    }

    void onBinary(ByteBuffer data, boolean last) throws Exception;
}
