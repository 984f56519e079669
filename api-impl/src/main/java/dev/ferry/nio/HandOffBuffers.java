package dev.ferry.nio;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The buffers in which an I/O thread hands what it read to the workers. A large read (a piece of a
 * big message) goes into a buffer that the worker gives back once the session has taken the bytes,
 * so moving large messages allocates nothing per read once the loop has a few; a small read gets a
 * buffer of its own size, which costs less than a round trip through the pool.
 *
 * <p>One per I/O thread: that thread takes, any worker gives back. The lock guards only the list
 * of free buffers.
 */
final class HandOffBuffers {

    /** Reads up to this size are copied into a buffer of their own. */
    static final int POOLED_ABOVE = 4096;

    private final int bufferSize;
    private final int maxFree;
    private final Object lock = new Object();
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    /**
     * @param bufferSize the size of a pooled buffer: the largest read the loop makes
     * @param maxFree    how many free buffers are kept; more are left to the garbage collector
     */
    HandOffBuffers(int bufferSize, int maxFree) {
        this.bufferSize = bufferSize;
        this.maxFree = maxFree;
    }

    /** A copy of {@code bytes} (from position to limit, which it moves to the limit), ready to read. */
    ByteBuffer copyOf(ByteBuffer bytes) {
        int size = bytes.remaining();
        ByteBuffer copy = null;
        if (size > POOLED_ABOVE && size <= bufferSize) {
            synchronized (lock) {
                copy = free.poll();
            }
        }
        if (copy == null) {
            copy = ByteBuffer.allocate(size > POOLED_ABOVE ? Math.max(size, bufferSize) : size);
        }
        return copy.put(bytes).flip();
    }

    /** Takes back a buffer from {@link #copyOf} whose bytes were all taken; small ones are dropped. */
    void giveBack(ByteBuffer buffer) {
        if (buffer.capacity() != bufferSize) {
            return;
        }
        buffer.clear();
        synchronized (lock) {
            if (free.size() < maxFree) {
                free.push(buffer);
            }
        }
    }
}
