package dev.ferry.servlet;

import dev.ferry.transport.TransportListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Moves inbound bytes from a non-blocking {@link ServletInputStream} to the engine, never waiting
 * for the peer: it reads only while {@code isReady()} says it can, and otherwise leaves it to the
 * container to call {@link #onDataAvailable()} again.
 *
 * <p>One atomic state word decides who may read. Three parties act on it: the container (its
 * callbacks), the engine ({@link #pause()}/{@link #resume()}, from any thread; and through a
 * {@link WorkerDelivery}, {@link #stall()}/{@link #unstall()}) and the transport ({@link #closed()}). Only the thread that set {@link #READING} touches the stream or the
 * listener, so two threads never read at once and listener calls never overlap.
 *
 * <p>Two read buffers, because an idle connection should hold little (there may be thousands, and
 * the container keeps its own buffer anyway) and a short message should allocate nothing: a small
 * one kept for good, which most bursts of a chatty connection (one short frame) fit in, and a full
 * size one taken when a read fills the small one and dropped when the burst ends (from taking the
 * reading role until {@code isReady()} says no).
 */
final class NonBlockingReader implements ReadListener {

    private static final System.Logger LOG = System.getLogger(NonBlockingReader.class.getName());

    /** A thread owns the stream and delivers to the listener. */
    private static final int READING = 1;
    /** The engine asked for no more data for now ({@code pauseReading}). */
    private static final int PAUSED = 2;
    /** {@code isReady()} returned false: the container owes us a callback. */
    private static final int OWED = 4;
    /** The container called back while a thread was reading: that thread must look again. */
    private static final int SIGNALLED = 8;
    /** End of input was delivered: never read again. */
    private static final int ENDED = 16;
    /** The transport is closed. */
    private static final int CLOSED = 32;
    /** {@code onClosed()} was (or is being) delivered. */
    private static final int CLOSED_DELIVERED = 64;
    /** The listener is installed: {@code onClosed()} may be delivered. */
    private static final int STARTED = 128;
    /**
     * Not yet allowed to read: the bridge opens the gate once the container has said "writable"
     * for the first time (see {@link #openGate()}). Holds reading back like {@link #PAUSED}.
     */
    private static final int GATED = 256;
    /**
     * The listener hands what it is given to worker threads, and they have not yet taken enough of
     * it (see {@link WorkerDelivery}). Holds reading back like {@link #PAUSED}, independently of it.
     */
    private static final int STALLED = 512;
    /** Any reason to hold reading back. */
    private static final int HELD = PAUSED | GATED | STALLED;

    /** The buffer every burst reads with first: one short frame, with room to spare. */
    private static final int SMALL_BUFFER_SIZE = 256;

    private final ServletInputStream in;
    private final Consumer<Throwable> onFailure;
    private final int bufferSize;
    /** Touched only by the thread that holds the reading role. */
    private final ByteBuffer small;
    /** The container's first onDataAvailable() is owed from the moment the listener is set. */
    private final AtomicInteger state = new AtomicInteger(OWED | GATED);
    private volatile TransportListener listener;
    private volatile Throwable readFailure;
    private volatile boolean allDataRead;

    /**
     * @param bufferSize the most bytes one read takes once a burst has shown it carries more than
     *                   a short frame
     * @param onFailure  told when reading failed, after the listener heard of it; it aborts the connection
     */
    NonBlockingReader(ServletInputStream in, int bufferSize, Consumer<Throwable> onFailure) {
        this.in = in;
        this.bufferSize = bufferSize;
        this.small = ByteBuffer.allocate(Math.min(SMALL_BUFFER_SIZE, bufferSize));
        this.onFailure = onFailure;
    }

    /**
     * Installs the listener and starts reading (the container makes the first call). When the
     * transport was closed before this, the listener only hears {@code onClosed()}.
     */
    void start(TransportListener listener) {
        this.listener = listener;
        int s = state.getAndUpdate(x -> (x & CLOSED) != 0 ? x | STARTED | CLOSED_DELIVERED : x | STARTED);
        if ((s & CLOSED) != 0) {
            deliverClosed();
            return;
        }
        in.setReadListener(this);
    }

    void pause() {
        state.getAndUpdate(s -> s | PAUSED);
    }

    void resume() {
        lift(PAUSED);
    }

    /** Holds reading back after the current read, until {@link #unstall()}; see {@link #STALLED}. */
    void stall() {
        state.getAndUpdate(s -> s | STALLED);
    }

    /** Lets reading go on after {@link #stall()}; reads on the calling thread when nobody else will. */
    void unstall() {
        lift(STALLED);
    }

    /**
     * Allows reading from now on. Until then, data the container reports waits where it is (in
     * Tomcat, the first {@code onDataAvailable()} comes right after {@code init}, before the
     * first {@code onWritePossible()}; a message delivered then could not be answered from its
     * thread). Reads at once on the calling thread when the container will not call back.
     */
    void openGate() {
        lift(GATED);
    }

    private void lift(int reason) {
        int s;
        int next;
        do {
            s = state.get();
            if ((s & reason) == 0) {
                return;
            }
            next = s & ~reason;
            // Read here only if nothing holds reading back and nobody else will read: no reader
            // running, no container callback owed.
            if ((next & (HELD | READING | OWED | ENDED | CLOSED)) == 0) {
                next |= READING;
            }
        } while (!state.compareAndSet(s, next));
        if ((next & READING) != 0 && (s & READING) == 0) {
            readLoop();
        }
    }

    /** The transport closed: deliver {@code onClosed()} now, or let the reading thread do it when it is done. */
    void closed() {
        int s;
        boolean deliverNow;
        do {
            s = state.get();
            if ((s & CLOSED) != 0) {
                return;
            }
            deliverNow = (s & (READING | STARTED)) == STARTED;
        } while (!state.compareAndSet(s, s | CLOSED | (deliverNow ? CLOSED_DELIVERED : 0)));
        if (deliverNow) {
            deliverClosed();
        }
    }

    @Override
    public void onDataAvailable() {
        containerCallback(false);
    }

    @Override
    public void onAllDataRead() {
        allDataRead = true;
        containerCallback(false);
    }

    @Override
    public void onError(Throwable failure) {
        if (failure instanceof EOFException) {
            allDataRead = true; // Tomcat reports the peer's orderly end of stream as an error
        } else {
            readFailure = failure;
        }
        containerCallback(true);
    }

    /** Takes the reading role, or tells the thread that has it to look again. */
    private void containerCallback(boolean evenIfPaused) {
        int s;
        int next;
        do {
            s = state.get();
            if ((s & (ENDED | CLOSED)) != 0) {
                return;
            }
            if ((s & READING) != 0) {
                next = s | SIGNALLED;
            } else if ((s & HELD) != 0 && !evenIfPaused) {
                next = s & ~OWED; // data waits for us; resume() must read it
            } else {
                next = (s | READING) & ~OWED;
            }
        } while (!state.compareAndSet(s, next));
        if ((next & READING) != 0 && (s & READING) == 0) {
            readLoop();
        }
    }

    /** Runs on the thread that set READING, until it gives the role up. */
    private void readLoop() {
        // The full size buffer is local to this burst: dropped with it (see the class comment).
        ByteBuffer buffer = small;
        int lastRead = 0;
        try {
            while (true) {
                if (readFailure != null || allDataRead) {
                    end(readFailure);
                    return;
                }
                if ((state.get() & (HELD | CLOSED | ENDED)) != 0) {
                    // Stop without asking isReady(): the container then owes us nothing, and resume() reads.
                    if (release(false)) {
                        return;
                    }
                    continue;
                }
                if (!in.isReady()) {
                    if (in.isFinished()) {
                        // The end was found by this read: Undertow calls onAllDataRead only when its
                        // I/O thread finds it, never after a read made on another thread.
                        end(null);
                        return;
                    }
                    if (release(true)) {
                        return;
                    }
                    continue;
                }
                if (lastRead == buffer.capacity() && lastRead < bufferSize) {
                    buffer = ByteBuffer.allocate(bufferSize); // the last read filled it: more is coming
                }
                int n = in.read(buffer.array(), 0, buffer.capacity());
                if (n < 0) {
                    end(null);
                    return;
                }
                lastRead = n;
                if (n > 0) {
                    buffer.clear().limit(n);
                    listener.onData(buffer);
                }
            }
        } catch (EOFException e) {
            end(null); // the peer's orderly end of stream, as Tomcat reports it
        } catch (Throwable t) {
            readFailure = t;
            end(t);
        }
    }

    /**
     * Gives up the reading role.
     *
     * @param owed whether {@code isReady()} just returned false
     * @return false when the container called back meanwhile, so the caller must keep reading
     */
    private boolean release(boolean owed) {
        while (true) {
            int s = state.get();
            if (owed && (s & SIGNALLED) != 0 && (s & (CLOSED | ENDED)) == 0) {
                if (state.compareAndSet(s, s & ~SIGNALLED)) {
                    return false;
                }
                continue;
            }
            boolean deliver = (s & (CLOSED | STARTED | CLOSED_DELIVERED)) == (CLOSED | STARTED);
            int next = (s & ~(READING | SIGNALLED)) | (owed ? OWED : 0) | (deliver ? CLOSED_DELIVERED : 0);
            if (state.compareAndSet(s, next)) {
                if (deliver) {
                    deliverClosed();
                }
                return true;
            }
        }
    }

    /** Delivers the end of input while still holding the reading role, then gives it up. */
    private void end(Throwable failure) {
        state.getAndUpdate(s -> s | ENDED);
        try {
            listener.onEndOfInput(failure);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: the engine failed on end of input", e);
        }
        if (failure != null) {
            LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket: reading failed", failure);
            onFailure.accept(failure);
        }
        release(false);
    }

    private void deliverClosed() {
        TransportListener l = listener;
        if (l == null) {
            return;
        }
        try {
            l.onClosed();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: the engine failed on close", e);
        }
    }
}
