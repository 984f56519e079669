package dev.ferry.client;

import dev.ferry.transport.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What callers on any thread asked a {@link NioTransport} to do: the writes in order, and how
 * it should close. The lock guards only these fields; the I/O thread takes writes out one at a
 * time and does the I/O without it.
 */
final class WriteQueue {

    /** One {@link Transport#write}. */
    record PendingWrite(ByteBuffer[] buffers, Transport.WriteCallback callback) {
    }

    private final Object lock = new Object();
    private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
    private boolean closeWhenDrained;
    private boolean abortRequested;
    private boolean closed;

    /** Queues a write; false once a close was asked for (nothing may follow it). */
    boolean offer(ByteBuffer[] buffers, Transport.WriteCallback callback) {
        synchronized (lock) {
            if (closed || closeWhenDrained || abortRequested) {
                return false;
            }
            writes.add(new PendingWrite(buffers, callback));
            return true;
        }
    }

    /** The oldest write not yet completed, or null. */
    PendingWrite head() {
        synchronized (lock) {
            return writes.peek();
        }
    }

    /** The head was written completely. */
    void removeHead() {
        synchronized (lock) {
            writes.poll();
        }
    }

    /**
     * Records a close request.
     *
     * @return false when the transport is closed already (nothing to do)
     */
    boolean requestClose(boolean abort) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            if (abort) {
                abortRequested = true;
            } else {
                closeWhenDrained = true;
            }
            return true;
        }
    }

    boolean isAbortRequested() {
        synchronized (lock) {
            return abortRequested;
        }
    }

    /** A graceful close was asked for and every write is done. */
    boolean isDrainedForClose() {
        synchronized (lock) {
            return closeWhenDrained && !closed && writes.isEmpty();
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Marks the queue closed and hands back the writes that will never happen.
     *
     * @return null if it was closed already
     */
    List<PendingWrite> close() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            closed = true;
            List<PendingWrite> unwritten = new ArrayList<>(writes);
            writes.clear();
            return unwritten;
        }
    }
}
