package dev.ferry.engine;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The pooled array of a whole binary message while the application's handler has it, and the
 * sends of it that are still under way: the array returns to its pool once the handler has
 * returned and the last of those sends has completed, whichever comes last. One per lent
 * message (a send may outlive its handler, and the next message is lent meanwhile).
 */
final class LentArray {

    /** Set while the handler runs; the bits below count the sends of the array not yet completed. */
    private static final int LENT = 1 << 30;
    private static final AtomicIntegerFieldUpdater<LentArray> STATE =
            AtomicIntegerFieldUpdater.newUpdater(LentArray.class, "state");

    private final MessageBufferPool pool;
    private final byte[] array;
    private volatile int state = LENT;

    /** The handler is about to get {@code array}, which came from {@code pool}. */
    LentArray(MessageBufferPool pool, byte[] array) {
        this.pool = pool;
        this.array = array;
    }

    /** The handler returned: the array goes back now, or with its last send. */
    void returned() {
        if (STATE.addAndGet(this, -LENT) == 0) {
            pool.give(array);
        }
    }

    /**
     * {@code callback}, or when {@code data} is (a view of) the lent array and its handler still
     * runs, a callback that also gives the array back once this send is done. A send made after
     * the handler returned is not tracked: the application kept a buffer it was told not to keep.
     */
    SendCallback track(ByteBuffer data, SendCallback callback) {
        if (!data.hasArray() || data.array() != array) {
            return callback;
        }
        int s;
        do {
            s = state;
            if ((s & LENT) == 0) {
                return callback;
            }
        } while (!STATE.compareAndSet(this, s, s + 1));
        return new SendCallback() {
            @Override
            public void done(Throwable failure) {
                try {
                    callback.done(failure);
                } finally {
                    if (STATE.decrementAndGet(LentArray.this) == 0) {
                        pool.give(array);
                    }
                }
            }

            @Override
            public boolean callerWaits() {
                return callback.callerWaits();
            }
        };
    }
}
