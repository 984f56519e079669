package dev.ferry.transport;

import java.io.IOException;

/**
 * A write refused or failed because its connection closed first. Made for every connection that
 * closes, used only when a write was pending or comes late; so it records no stack trace (it
 * would show the closing thread, not the writer) and builds its message only when asked.
 */
public final class ConnectionClosedException extends IOException {

    private static final long serialVersionUID = 1L;
    /** The peer's address (or any description of the connection), shown in the message. */
    private final transient Object connection;

    public ConnectionClosedException(Object connection, Throwable cause) {
        super(null, cause);
        this.connection = connection;
    }

    @Override
    public String getMessage() {
        return "The connection to " + connection + " was closed before this was written";
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
