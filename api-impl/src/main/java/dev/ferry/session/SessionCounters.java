package dev.ferry.session;

import dev.ferry.engine.ConnectionCounters;

/**
 * What a session counts for its endpoint's metrics: its connection's traffic, and the session's
 * own life. Same rules as {@link ConnectionCounters}: add, never lock or block.
 */
public interface SessionCounters extends ConnectionCounters {

    /** Counts nothing: client sessions, and tests. */
    SessionCounters NONE = new SessionCounters() {
    };

    /** The session opened (before {@code onOpen}). */
    default void sessionOpened() {
    }

    /** The session ended, however it ended; once per opened session. */
    default void sessionClosed() {
    }

    /** The endpoint's {@code onError} was called. */
    default void errorReported() {
    }
}
