package dev.ferry.nio;

/**
 * When a connection's callbacks run on its I/O thread instead of a worker (see
 * {@link InboundDelivery}).
 *
 * @param shortNanos            a listener run no longer than this counts as short
 * @param longNanos             a run on the I/O thread longer than this sends the connection back
 *                              to the workers for good
 * @param shortRunsBeforeInline short runs in a row on the workers before the I/O thread delivers
 *                              itself; 0 = never
 */
record InlinePolicy(long shortNanos, long longNanos, int shortRunsBeforeInline) {

    /** 16 runs of at most 200 µs, and none over 10 ms once inline. */
    static final InlinePolicy DEFAULT = new InlinePolicy(200_000, 10_000_000, 16);

    /** Callbacks always run on the workers. */
    static final InlinePolicy NEVER = new InlinePolicy(0, 0, 0);

    boolean allowsInline() {
        return shortRunsBeforeInline > 0;
    }
}
