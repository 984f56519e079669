package dev.ferry.servlet;

import dev.ferry.transport.Transport.WriteCallback;
import dev.ferry.transport.WriteSlot;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Writes the transport's write in flight ({@link WriteSlot}) to a non-blocking
 * {@link ServletOutputStream}, from whichever thread is there: the one that wrote, or the
 * container's in {@link #onWritePossible()}.
 *
 * <p>One thread at a time "drains" (owns the stream). The drainer asks {@code isReady()} before
 * every write, flush and close; when it says no, the drainer leaves, and the container's
 * {@code onWritePossible()} makes the next one. The lock guards only the draining role and the
 * close and first-call hand-offs, and is never held while touching the stream or running a callback.
 *
 * <p>Whole arrays: Undertow 2.3's upgraded stream, in non-blocking mode, writes the whole array it
 * is given and ignores {@code off} and {@code len} ({@code UndertowUpgradeStreamsTest} shows it).
 * For such a container every write hands over an array meant whole: the write's bytes gathered into
 * one array of their exact size (at most {@link #GATHER_LIMIT}), unless the write is one array whole
 * already. Gathering also makes one system call of what would be one per buffer (frame header,
 * payload), since that stream writes to the socket on every call.
 */
final class NonBlockingWriter implements WriteListener {

    private static final System.Logger LOG = System.getLogger(NonBlockingWriter.class.getName());
    private static final int DIRECT_CHUNK = 8192;
    /** The most bytes one whole-array write gathers; the rest of the write follows in the next one. */
    static final int GATHER_LIMIT = 64 * 1024;

    private final ServletOutputStream out;
    private final Consumer<Throwable> onFailure;
    private final boolean wholeArrays;
    private final boolean errorsRepeat;
    /** {@link #onError} was called. */
    private volatile boolean failed;
    private final WriteSlot slot = new WriteSlot();
    private final Object lock = new Object();
    /** A thread owns the stream. */
    private boolean draining;
    /** {@code isReady()} returned false: the container owes us {@code onWritePossible()}. */
    private boolean owed;
    /** {@code onWritePossible()} came while a thread was draining: that thread must look again. */
    private boolean signalled;
    /** Graceful close asked for: runs once the write in flight is written and flushed. */
    private Runnable closeAction;
    /** The container has called {@code onWritePossible()} at least once. */
    private boolean firstCallSeen;
    /** Runs once, at the container's first {@code onWritePossible()} or when writing ends first. */
    private Runnable onFirstWritable;
    /** Touched by the draining thread only. */
    private boolean flushNeeded;
    private byte[] chunk;

    /** @param onFailure told when writing failed; it aborts the connection */
    NonBlockingWriter(ServletOutputStream out, Consumer<Throwable> onFailure) {
        this(out, onFailure, false, false);
    }

    /**
     * @param onFailure    told when writing failed; it aborts the connection
     * @param wholeArrays  hand the stream only arrays meant whole (see the class comment)
     * @param errorsRepeat the container calls {@link #onError} in a loop that only an exception
     *                     thrown from it ends (see {@code ServletUpgradeOptions})
     */
    NonBlockingWriter(ServletOutputStream out, Consumer<Throwable> onFailure, boolean wholeArrays,
            boolean errorsRepeat) {
        this.out = out;
        this.onFailure = onFailure;
        this.wholeArrays = wholeArrays;
        this.errorsRepeat = errorsRepeat;
    }

    /**
     * Runs {@code action} once the container has made its first {@code onWritePossible()} call
     * (or writing failed or was aborted before that): from then on {@code isReady()} tells the
     * truth. Until then Tomcat answers {@code isReady()} with false, so a message delivered before
     * it could not be answered from the delivering thread.
     */
    void whenFirstWritable(Runnable action) {
        synchronized (lock) {
            if (!firstCallSeen && !slot.isClosed()) {
                onFirstWritable = action;
                return;
            }
        }
        action.run();
    }

    void write(ByteBuffer[] buffers, WriteCallback callback) {
        if (slot.offer(buffers, callback) && takeDrainingRole()) {
            drain();
        }
    }

    /** Closes the stream once the write in flight is written and flushed, then runs {@code action}. */
    void closeWhenDrained(Runnable action) {
        synchronized (lock) {
            if (closeAction != null || !slot.requestClose()) {
                return;
            }
            closeAction = action;
        }
        if (takeDrainingRole()) {
            drain();
        }
    }

    /** Fails the write in flight unless a thread is writing it; later writes fail too. */
    void abort(Throwable cause) {
        Runnable first;
        synchronized (lock) {
            first = onFirstWritable;
            onFirstWritable = null;
            closeAction = null;
        }
        slot.close(cause);
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
        if (failed && errorsRepeat) {
            // Undertow retries the failed write of what it holds, and calls us again, forever, on
            // its I/O thread: only an exception gets that thread out of the loop. Undertow logs it.
            throw new RepeatedWriteFailure(failure);
        }
        failed = true;
        LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket: writing failed", failure);
        abort(failure);
        onFailure.accept(failure);
    }

    private boolean takeDrainingRole() {
        synchronized (lock) {
            if (draining || owed) {
                return false;
            }
            draining = true;
            return true;
        }
    }

    /** Runs on the thread that took the draining role, until it gives it up. */
    private void drain() {
        try {
            while (true) {
                boolean write;
                Runnable close;
                synchronized (lock) {
                    // Looked at under the lock that a writer takes after offering: a write offered
                    // after this look finds the role free, or this thread still draining.
                    write = slot.hasUnclaimedWrite();
                    close = slot.isDrainedForClose() ? closeAction : null;
                    if (slot.isClosed() || (!write && !flushNeeded && close == null)) {
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
                if (write) {
                    writeSome();
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

    /** One {@code write} call on the stream; the write is completed once its last byte was handed over. */
    private void writeSome() throws IOException {
        ByteBuffer[] buffers = slot.claim();
        if (buffers == null) {
            return;
        }
        try {
            ByteBuffer buffer = firstWithBytes(buffers);
            if (buffer != null && wholeArrays) {
                byte[] whole = wholeArray(buffers, buffer);
                out.write(whole, 0, whole.length);
                flushNeeded = true;
            } else if (buffer != null) {
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
        } catch (IOException | RuntimeException e) {
            slot.release(false);
            throw e;
        }
        slot.release(WriteSlot.isEmpty(buffers));
    }

    /**
     * The write's next bytes as one array to write whole, taken from {@code buffers} (their
     * positions move past them): {@code first}'s own array when it is the only buffer with bytes
     * and spans its array exactly, else a copy of up to {@link #GATHER_LIMIT} bytes.
     */
    private static byte[] wholeArray(ByteBuffer[] buffers, ByteBuffer first) {
        long remaining = 0;
        for (ByteBuffer b : buffers) {
            remaining += b.remaining();
        }
        if (remaining == first.remaining() && first.hasArray() && first.arrayOffset() + first.position() == 0
                && first.remaining() == first.array().length) {
            byte[] array = first.array();
            first.position(first.limit());
            return array;
        }
        byte[] gathered = new byte[(int) Math.min(remaining, GATHER_LIMIT)];
        int filled = 0;
        for (ByteBuffer b : buffers) {
            int n = Math.min(b.remaining(), gathered.length - filled);
            b.get(gathered, filled, n);
            filled += n;
            if (filled == gathered.length) {
                break;
            }
        }
        return gathered;
    }

    private static ByteBuffer firstWithBytes(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return b;
            }
        }
        return null;
    }

    private void closeNow(Runnable action) {
        Runnable first;
        synchronized (lock) {
            closeAction = null;
            draining = false;
            first = onFirstWritable;
            onFirstWritable = null;
        }
        slot.close(new IOException("Connection closed"));
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

    /** Thrown to end a container's loop of write retries on a connection already failed; without a stack trace, which would say nothing more. */
    static final class RepeatedWriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RepeatedWriteFailure(Throwable failure) {
            super("Ferry WebSocket: the container reported the same failed write again (" + failure
                    + "); the connection is closed already. Thrown to end the container's retry loop "
                    + "(Undertow retries a failed write of an upgraded connection forever); nothing to do.", null,
                    false, false);
        }
    }
}
