package dev.ferry.session;

import dev.ferry.message.BinarySink;
import dev.ferry.message.PongSink;
import dev.ferry.message.TextSink;

/** What a {@link WebSocketConnection} needs from the session above it. */
interface ConnectionEvents {

    TextSink textSink();

    BinarySink binarySink();

    PongSink pongSink();

    long maxTextMessageSize();

    long maxBinaryMessageSize();

    /** The application failed while taking a message or a pong. */
    void onApplicationError(Throwable failure);

    /** The connection is over; called exactly once, whichever side or failure ended it. */
    void onClosed(int code, String reason);

    /**
     * The transport is closed too (after {@link #onClosed}, which a local close reports before
     * the peer has answered); called exactly once.
     */
    void onTransportClosed();
}
