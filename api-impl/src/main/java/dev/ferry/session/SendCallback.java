package dev.ferry.session;

/** Completion of one queued frame: {@code failure} is null once its bytes reached the transport. */
@FunctionalInterface
interface SendCallback {
    void done(Throwable failure);

    /**
     * Whether the sender's thread waits for this completion. A send nobody waits for (async, or
     * made on the delivering thread) is refused once the outbound queue is over its limit;
     * a waiting one is admitted and bounded by its deadline instead.
     */
    default boolean callerWaits() {
        return false;
    }

    SendCallback IGNORE = failure -> { };
}
