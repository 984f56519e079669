package dev.ferry.benchmarks.load;

/** What a scenario hears from its connections, always on the event loop thread. */
interface ConnectionListener {

    /** The opening handshake succeeded. */
    void onOpen(ClientConnection connection);

    /** A complete message arrived and was byte for byte the one expected. */
    void onMessage(ClientConnection connection);

    /** The connection is gone: after our close handshake, or because the server hung up. */
    void onClosed(ClientConnection connection, boolean cleanly);

    /** Anything that went wrong, a wrong echo byte included; the connection is closed already. */
    void onError(ClientConnection connection, Exception error);
}
