package dev.ferry.engine;

/**
 * What a {@link WebSocketConnection} needs from the session above it besides its
 * {@link MessageSinks}: how big messages may be, and whom to tell about failures and the end.
 * The session implements it; the engine calls it from the thread that reads (one at a time),
 * except {@link #onClosed}, which may also come from a timer or a closing thread.
 */
public interface ConnectionListener {

    /** Bytes a whole text message may have before it is refused with 1009. */
    long maxTextMessageSize();

    /** Bytes a whole binary message may have before it is refused with 1009. */
    long maxBinaryMessageSize();

    /** The application failed while taking a message or a pong; the connection goes on. */
    void onApplicationError(Throwable failure);

    /** The connection is over; called exactly once, whichever side or failure ended it. */
    void onClosed(int code, String reason);

    /**
     * The transport is closed too (after {@link #onClosed}, which a local close reports before
     * the peer has answered); called exactly once.
     */
    void onTransportClosed();
}
