package dev.ferry.engine;

import java.util.ArrayDeque;

/**
 * Arrays for large messages (64 KiB and more), kept for the next large message instead of left to
 * the garbage collector. A large message assembled into a new array costs its size in fresh heap;
 * on a freshly started JVM the kernel zeroes every new page on first touch, and on a warm one the
 * collector pays for it. A pooled array costs neither.
 *
 * <p>An array goes back to the pool only when nothing can reach it any more: the text of a
 * message was decoded into a {@code String}, or a {@code ByteBuffer} handler returned (the
 * specification lets an implementation recycle a {@code ByteBuffer} once {@code onMessage}
 * returns) and every send of it has completed. Arrays are handed out by size class (powers of
 * two), and the pool keeps at most {@code maxBytes} in all ({@code dev.ferry.messageBufferPool});
 * past that, released arrays are left to the collector.
 */
public final class MessageBufferPool {

    /** Smaller messages come from the thread-local allocation buffer, which costs next to nothing. */
    public static final int MIN_POOLED = 64 * 1024;
    private static final int MIN_SHIFT = 16;
    /** The largest class: 1 GiB (an array cannot hold 2 GiB). */
    private static final int MAX_SHIFT = 30;

    private final long maxBytes;
    // Guarded by this: one monitor is enough, it is taken once per large message.
    /** One stack per size class, index = shift - MIN_SHIFT. */
    private final ArrayDeque<byte[]>[] classes;
    /** Bytes held in all classes. */
    private long pooledBytes;

    /** @param maxBytes the most the pool keeps in all; 0 keeps nothing (every array is new) */
    @SuppressWarnings("unchecked")
    public MessageBufferPool(long maxBytes) {
        this.maxBytes = maxBytes;
        this.classes = new ArrayDeque[MAX_SHIFT - MIN_SHIFT + 1];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = new ArrayDeque<>(4);
        }
    }

    /** Whether an array of at least {@code size} bytes is taken from here (else: allocate it exactly). */
    public boolean serves(long size) {
        return maxBytes > 0 && size >= MIN_POOLED && size <= (1L << MAX_SHIFT);
    }

    /**
     * An array of at least {@code size} bytes (its size class), pooled when one is free, else new.
     *
     * @throws IllegalArgumentException when {@link #serves} says no
     */
    public byte[] take(int size) {
        if (!serves(size)) {
            throw new IllegalArgumentException("Not a pooled size: " + size);
        }
        int shift = shiftFor(size);
        byte[] array;
        synchronized (this) {
            array = classes[shift - MIN_SHIFT].pollLast();
            if (array != null) {
                pooledBytes -= array.length;
            }
        }
        return array != null ? array : new byte[1 << shift];
    }

    /** Takes {@code array} back (it came from {@link #take}); kept while the pool is under its limit. */
    public void give(byte[] array) {
        int length = array.length;
        if (Integer.bitCount(length) != 1 || length < MIN_POOLED || length > (1 << MAX_SHIFT)) {
            return; // not one of ours
        }
        synchronized (this) {
            if (pooledBytes + length <= maxBytes) {
                pooledBytes += length;
                classes[Integer.numberOfTrailingZeros(length) - MIN_SHIFT].addLast(array);
            }
        }
    }

    /** Bytes the pool holds now. */
    public synchronized long pooledBytes() {
        return pooledBytes;
    }

    private static int shiftFor(int size) {
        int shift = 32 - Integer.numberOfLeadingZeros(size - 1);
        return Math.max(MIN_SHIFT, shift);
    }
}
