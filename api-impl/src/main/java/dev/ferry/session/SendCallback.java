package dev.ferry.session;

/** Completion of one queued frame: {@code failure} is null once its bytes reached the transport. */
@FunctionalInterface
interface SendCallback {
    void done(Throwable failure);

    SendCallback IGNORE = failure -> { };
}
