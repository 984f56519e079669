package dev.ferry.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The write side of a transport: the one write it has in flight, the close that waits for it,
 * and the failure of what a close leaves unwritten. Every transport keeps its writes here and only
 * moves bytes itself: the session's send queue ({@code FrameSender}) does the queueing, ordering
 * and gathering, and hands a transport one write at a time.
 *
 * <p>A write is offered, then claimed by the thread that moves its bytes (the caller, an I/O
 * thread, a container thread), which releases it when it stops: finished, or with bytes left for
 * the next claim. A close that comes while a thread moves the bytes leaves the outcome to that
 * thread, so a write whose bytes all went out is completed, not failed, and no callback runs
 * twice. Callbacks always run outside the lock, so a callback may offer the next write at once.
 */
public final class WriteSlot {

    /** What {@link #release} did with the write. */
    public enum Release {
        /** Every byte went out; its callback was completed, and the slot is free. */
        WRITTEN,
        /** Bytes are left; the write stays for the next {@link #claim}. */
        UNFINISHED,
        /** The slot was closed while the bytes were moving; the callback was failed. */
        FAILED
    }

    // Guarded by this (a monitor of its own would cost every connection 16 bytes; nobody else locks a slot).
    private ByteBuffer[] buffers;
    private Transport.WriteCallback callback;
    /** A thread is moving the write's bytes: nobody else may claim or fail it. */
    private boolean claimed;
    /** A graceful close waits for the write in flight. */
    private boolean closeRequested;
    /** Why the slot was closed; null while open. */
    private Throwable closedBy;

    /**
     * Takes the transport's next write.
     *
     * @return false when the transport is closing or closed: {@code done} has been failed
     * @throws IllegalStateException when a write is still in flight: a transport carries one at a time
     */
    public boolean offer(ByteBuffer[] writeBuffers, Transport.WriteCallback done) {
        Throwable refused;
        synchronized (this) {
            if (closedBy == null && !closeRequested) {
                if (buffers != null) {
                    throw new IllegalStateException("A write is still in flight; a transport takes one at a time");
                }
                buffers = writeBuffers;
                callback = done;
                return true;
            }
            refused = closedBy != null ? closedBy : new IOException("The connection is closing");
        }
        fail(done, refused);
        return false;
    }

    /**
     * Hands the write to the calling thread to move its bytes.
     *
     * @return its buffers (from where the last thread left them), or null when there is nothing to
     *         move: no write, another thread moves it, or the slot is closed
     */
    public ByteBuffer[] claim() {
        synchronized (this) {
            if (buffers == null || claimed || closedBy != null) {
                return null;
            }
            claimed = true;
            return buffers;
        }
    }

    /**
     * The thread that claimed the write has stopped moving its bytes; completes or fails its
     * callback when that is due.
     *
     * @param finished every byte was handed over
     */
    public Release release(boolean finished) {
        Transport.WriteCallback done;
        Throwable failure;
        synchronized (this) {
            claimed = false;
            if (!finished && closedBy == null) {
                return Release.UNFINISHED;
            }
            done = callback;
            failure = finished ? null : closedBy;
            buffers = null;
            callback = null;
        }
        if (failure == null) {
            complete(done);
            return Release.WRITTEN;
        }
        fail(done, failure);
        return Release.FAILED;
    }

    /** Whether a write waits to be claimed. */
    public boolean hasUnclaimedWrite() {
        synchronized (this) {
            return buffers != null && !claimed && closedBy == null;
        }
    }

    /**
     * Asks for a graceful close: no write is accepted any more, and the transport closes once the
     * write in flight is done ({@link #isDrainedForClose}).
     *
     * @return false when a close was asked for already, or the slot is closed
     */
    public boolean requestClose() {
        synchronized (this) {
            if (closeRequested || closedBy != null) {
                return false;
            }
            closeRequested = true;
            return true;
        }
    }

    /** A graceful close was asked for, nothing is in flight, and the slot is not closed yet. */
    public boolean isDrainedForClose() {
        synchronized (this) {
            return closeRequested && buffers == null && closedBy == null;
        }
    }

    /**
     * Closes the slot: later writes are refused with {@code cause}, and a write nobody is moving is
     * failed with it now; one a thread is moving is failed or completed by that thread's
     * {@link #release}.
     *
     * @return false when the slot was closed already
     */
    public boolean close(Throwable cause) {
        Transport.WriteCallback unwritten = null;
        Throwable reason = cause != null ? cause : new IOException("The connection is closed");
        synchronized (this) {
            if (closedBy != null) {
                return false;
            }
            closedBy = reason;
            if (buffers != null && !claimed) {
                unwritten = callback;
                buffers = null;
                callback = null;
            }
        }
        if (unwritten != null) {
            fail(unwritten, reason);
        }
        return true;
    }

    public boolean isClosed() {
        synchronized (this) {
            return closedBy != null;
        }
    }

    /** Whether every buffer of {@code buffers} has been written out. */
    public static boolean isEmpty(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return false;
            }
        }
        return true;
    }

    private static void complete(Transport.WriteCallback done) {
        try {
            done.completed();
        } catch (RuntimeException e) {
            System.getLogger(WriteSlot.class.getName()).log(System.Logger.Level.WARNING,
                    "Ferry WebSocket: a write callback failed", e);
        }
    }

    private static void fail(Transport.WriteCallback done, Throwable cause) {
        try {
            done.failed(cause);
        } catch (RuntimeException e) {
            System.getLogger(WriteSlot.class.getName()).log(System.Logger.Level.WARNING,
                    "Ferry WebSocket: a write callback failed", e);
        }
    }
}
