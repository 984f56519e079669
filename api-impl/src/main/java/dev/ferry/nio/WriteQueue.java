package dev.ferry.nio;

import dev.ferry.transport.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What callers on any thread asked a {@link NioTransport} to do: the writes in order, and how
 * it should close. The lock guards only these fields; the I/O thread takes writes out one at a
 * time and does the I/O without it. A caller that finds the queue empty may be given the write
 * to do itself ({@link Offer#WRITE_NOW}); while it writes, the I/O thread leaves the queue alone.
 */
final class WriteQueue {

    /** One {@link Transport#write}. */
    record PendingWrite(ByteBuffer[] buffers, Transport.WriteCallback callback) {
    }

    /** What {@link #offer} decided. */
    enum Offer {
        /** A close was asked for: nothing may follow it. */
        REFUSED,
        /** Queued for the I/O thread. */
        QUEUED,
        /** Queued as the only write, and the caller writes it now (then {@link #finishDirect}). */
        WRITE_NOW
    }

    private final Object lock = new Object();
    private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
    private boolean closeWhenDrained;
    private boolean abortRequested;
    private boolean closed;
    /** The write a caller thread is doing (the head), or null: while set, the I/O thread writes nothing. */
    private PendingWrite writingDirectly;

    /**
     * Queues a write.
     *
     * @param mayWriteNow the caller may write it itself when nothing else is queued or being written
     */
    Offer offer(ByteBuffer[] buffers, Transport.WriteCallback callback, boolean mayWriteNow) {
        synchronized (lock) {
            if (closed || closeWhenDrained || abortRequested) {
                return Offer.REFUSED;
            }
            PendingWrite write = new PendingWrite(buffers, callback);
            writes.add(write);
            if (mayWriteNow && writes.size() == 1 && writingDirectly == null) {
                writingDirectly = write;
                return Offer.WRITE_NOW;
            }
            return Offer.QUEUED;
        }
    }

    /** For the I/O thread: the oldest write not yet completed, or null (none, or a caller is writing it). */
    PendingWrite head() {
        synchronized (lock) {
            return writingDirectly != null ? null : writes.peek();
        }
    }

    /** Who completes a write that a caller did itself ({@link #finishDirect}). */
    enum DirectOutcome {
        /** Every byte went out: the caller completes the callback. */
        COMPLETED,
        /** The transport closed before every byte went out: the caller fails the callback. */
        FAILED,
        /** Bytes are left: the write stays at the head, and the I/O thread finishes it. */
        LEFT_TO_LOOP
    }

    /**
     * The caller that was told {@link Offer#WRITE_NOW} is done with its write. A close meanwhile
     * left that write to the caller (see {@link #close}), so its callback is called exactly once,
     * and as "completed" when its bytes did go out before the close.
     *
     * @param complete every byte was written
     */
    DirectOutcome finishDirect(boolean complete) {
        synchronized (lock) {
            PendingWrite write = writingDirectly;
            writingDirectly = null;
            if (closed) {
                return complete ? DirectOutcome.COMPLETED : DirectOutcome.FAILED;
            }
            if (complete && write != null && writes.peek() == write) {
                writes.poll();
                return DirectOutcome.COMPLETED;
            }
            return DirectOutcome.LEFT_TO_LOOP;
        }
    }

    /** Whether the I/O thread has something to do after a direct write: more writes, or a close. */
    boolean needsLoop() {
        synchronized (lock) {
            return !writes.isEmpty() || closeWhenDrained || abortRequested;
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
     * Marks the queue closed and hands back the writes that will never happen, except one a
     * caller is writing right now: {@link #finishDirect} tells that caller how it ended.
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
            if (writingDirectly != null) {
                unwritten.remove(writingDirectly);
            }
            writes.clear();
            return unwritten;
        }
    }
}
