package dev.ferry.engine;

/** Completion of one queued frame: {@code failure} is null once its bytes reached the transport. */
@FunctionalInterface
public interface SendCallback {

    /** Tells nobody. */
    SendCallback IGNORE = failure -> { };

    void done(Throwable failure);

    /**
     * Whether the sender's thread waits for this completion. A send nobody waits for (async, or
     * made on the delivering thread) is refused once the outbound queue is over its limit;
     * a waiting one is admitted and bounded by its deadline instead.
     */
    default boolean callerWaits() {
        return false;
    }
}
