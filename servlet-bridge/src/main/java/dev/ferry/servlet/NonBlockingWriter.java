package dev.ferry.servlet;

import dev.ferry.transport.Transport.WriteCallback;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes queued byte buffers to a non-blocking {@link ServletOutputStream}, from whichever thread
 * is there: the one that queued, or the container's in {@link #onWritePossible()}.
 *
 * <p>One thread at a time "drains" (owns the stream); others only append to the queue. The lock
 * guards the queue and the flags, and is never held while touching the stream or completing a
 * callback. The drainer asks {@code isReady()} before every write, flush and close; when it says
 * no, the drainer leaves, and the container's {@code onWritePossible()} makes the next one.
 */
final class NonBlockingWriter implements WriteListener {

    private static final System.Logger LOG = System.getLogger(NonBlockingWriter.class.getName());
    private static final int DIRECT_CHUNK = 8192;

    private final ServletOutputStream out;
    private final Consumer<Throwable> onFailure;
    private final Object lock = new Object();
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    /** A thread owns the stream. */
    private boolean draining;
    /** {@code isReady()} returned false: the container owes us {@code onWritePossible()}. */
    private boolean owed;
    /** {@code onWritePossible()} came while a thread was draining: that thread must look again. */
    private boolean signalled;
    /** Graceful close asked for: runs once everything is written and flushed. */
    private Runnable closeAction;
    /** Set once closed or failed: new writes fail with it. */
    private Throwable terminated;
    /** Touched by the draining thread only. */
    private boolean flushNeeded;
    private byte[] chunk;
    /** The container has called {@code onWritePossible()} at least once. */
    private boolean firstCallSeen;
    /** Runs once, at the container's first {@code onWritePossible()} or when writing ends first. */
    private Runnable onFirstWritable;

    /** @param onFailure told when writing failed; it aborts the connection */
    NonBlockingWriter(ServletOutputStream out, Consumer<Throwable> onFailure) {
        this.out = out;
        this.onFailure = onFailure;
    }

    /**
     * Runs {@code action} once the container has made its first {@code onWritePossible()} call
     * (or writing failed or was aborted before that): from then on {@code isReady()} tells the
     * truth. Until then Tomcat answers {@code isReady()} with false, so a message delivered before
     * it could not be answered from the delivering thread.
     */
    void whenFirstWritable(Runnable action) {
        synchronized (lock) {
            if (!firstCallSeen && terminated == null) {
                onFirstWritable = action;
                return;
            }
        }
        action.run();
    }

    void write(ByteBuffer[] buffers, WriteCallback callback) {
        Throwable refused;
        boolean drain = false;
        synchronized (lock) {
            refused = terminated != null ? terminated : closeAction != null ? new IOException("Connection is closing") : null;
            if (refused == null) {
                queue.add(new PendingWrite(buffers, callback));
                drain = takeDrainingRole();
            }
        }
        if (refused != null) {
            fail(callback, refused);
        } else if (drain) {
            drain();
        }
    }

    /** Closes the stream once everything queued is written, then runs {@code action}. */
    void closeWhenDrained(Runnable action) {
        boolean drain;
        synchronized (lock) {
            if (terminated != null || closeAction != null) {
                return;
            }
            closeAction = action;
            drain = takeDrainingRole();
        }
        if (drain) {
            drain();
        }
    }

    /** Fails everything queued; later writes fail too. */
    void abort(Throwable cause) {
        List<PendingWrite> failed;
        Runnable first;
        synchronized (lock) {
            first = onFirstWritable;
            onFirstWritable = null;
            if (terminated == null) {
                terminated = cause;
            }
            closeAction = null;
            failed = new ArrayList<>(queue);
            queue.clear();
        }
        for (PendingWrite write : failed) {
            fail(write.callback, cause);
        }
        if (first != null) {
            first.run();
        }
    }

    @Override
    public void onWritePossible() {
        boolean drain;
        Runnable first;
        synchronized (lock) {
            firstCallSeen = true;
            first = onFirstWritable;
            onFirstWritable = null;
            if (draining) {
                signalled = true;
                drain = false;
            } else {
                owed = false;
                drain = takeDrainingRole();
            }
        }
        if (drain) {
            drain();
        }
        if (first != null) {
            first.run();
        }
    }

    @Override
    public void onError(Throwable failure) {
        LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket: writing failed", failure);
        abort(failure);
        onFailure.accept(failure);
    }

    private boolean takeDrainingRole() {
        if (draining || owed) {
            return false;
        }
        draining = true;
        return true;
    }

    /** Runs on the thread that took the draining role, until it gives it up. */
    private void drain() {
        try {
            while (true) {
                PendingWrite head;
                Runnable close;
                synchronized (lock) {
                    head = queue.peek();
                    close = closeAction;
                    if (terminated != null || (head == null && !flushNeeded && close == null)) {
                        draining = false;
                        signalled = false;
                        return;
                    }
                }
                if (!out.isReady()) {
                    synchronized (lock) {
                        if (signalled) {
                            signalled = false;
                            continue;
                        }
                        draining = false;
                        owed = true;
                        return;
                    }
                }
                if (head != null) {
                    writeSome(head);
                } else if (flushNeeded) {
                    // Containers may hold written bytes in a buffer until flushed.
                    flushNeeded = false;
                    out.flush();
                } else {
                    closeNow(close);
                    return;
                }
            }
        } catch (Throwable t) {
            synchronized (lock) {
                draining = false;
            }
            abort(t);
            onFailure.accept(t);
        }
    }

    /** One {@code write} call on the stream; completes the callback when the last byte was handed over. */
    private void writeSome(PendingWrite head) throws IOException {
        ByteBuffer buffer = head.current();
        if (buffer != null) {
            if (buffer.hasArray()) {
                out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            } else {
                if (chunk == null) {
                    chunk = new byte[DIRECT_CHUNK];
                }
                int n = Math.min(chunk.length, buffer.remaining());
                buffer.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
            flushNeeded = true;
        }
        if (head.current() == null) {
            boolean mine;
            synchronized (lock) {
                // An abort may have failed this write meanwhile; never complete a callback twice.
                mine = queue.peek() == head;
                if (mine) {
                    queue.poll();
                }
            }
            if (mine) {
                try {
                    head.callback.completed();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: a write callback failed", e);
                }
            }
        }
    }

    private void closeNow(Runnable action) {
        Runnable first;
        synchronized (lock) {
            if (terminated == null) {
                terminated = new IOException("Connection closed");
            }
            closeAction = null;
            draining = false;
            first = onFirstWritable;
            onFirstWritable = null;
        }
        if (first != null) {
            first.run();
        }
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket: closing the output failed", e);
        }
        action.run();
    }

    private static void fail(WriteCallback callback, Throwable cause) {
        try {
            callback.failed(cause);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: a write callback failed", e);
        }
    }

    /** One {@link dev.ferry.transport.Transport#write} call: its buffers, written in order. */
    private static final class PendingWrite {
        private final ByteBuffer[] buffers;
        private final WriteCallback callback;
        private int index;

        PendingWrite(ByteBuffer[] buffers, WriteCallback callback) {
            this.buffers = buffers;
            this.callback = callback;
        }

        /** The first buffer with bytes left, or null when all are written. */
        ByteBuffer current() {
            while (index < buffers.length && !buffers[index].hasRemaining()) {
                index++;
            }
            return index < buffers.length ? buffers[index] : null;
        }
    }
}
