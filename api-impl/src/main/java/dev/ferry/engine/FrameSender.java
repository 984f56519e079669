package dev.ferry.engine;

import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Masker;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one serialised path by which frames of a connection reach its transport.
 *
 * <p>Callers on any thread queue frames; whoever finds the sender idle becomes the flusher and
 * hands every queued frame to the transport in one gathered write, repeating until the queue is
 * empty. A write that completes synchronously loops in the same thread instead of recursing.
 * The monitor guards only the queue, never I/O.
 *
 * <p>A frame may be held back: queued without becoming the flusher. The connection does that for
 * what its handlers send while more of the same read is still to be parsed, so that the answers to
 * a burst of messages leave in one gathered write; {@link #flushHeld} writes them when the burst
 * ends. A frame from any other thread flushes what is held along with it. A broadcast defers its
 * {@link SharedFrame}s the same way, with no hold limit: it flushes them once its message is
 * queued on every subscriber.
 *
 * <p>When the bytes queued pass {@code maxQueuedBytes} the connection stops reading, so a peer
 * that does not read what it provokes (pings, echoes) is pushed back on instead of filling memory.
 */
final class FrameSender {

    /**
     * Payloads up to this size are copied behind their header into one buffer; larger ones are
     * written from where they are, after a separate header.
     */
    private static final int COPY_LIMIT = 2048;

    private final Transport transport;
    private final boolean maskFrames;
    private final Random maskKeys;
    private final long maxQueuedBytes;
    private final ConnectionCounters counters;
    /** Told after a frame was queued and held back. */
    private final Runnable onHeld;

    // Guarded by this (a lock object of its own would cost every connection 48 bytes).
    /** The first frame waiting, or null: one frame at a time (the usual case) needs no deque. */
    private Pending head;
    /** The frames queued behind {@link #head}; made for a burst and dropped once it is written. */
    private ArrayDeque<Pending> behind;
    private boolean flushing;
    private boolean outputClosed;
    private long queuedBytes;
    private boolean readingPaused;
    /** The most bytes ever queued here; the endpoint's metrics hear of each new high. */
    private long queuedPeak;

    FrameSender(Transport transport, boolean maskFrames, Random maskKeys, long maxQueuedBytes,
            ConnectionCounters counters, Runnable onHeld) {
        this.transport = transport;
        this.maskFrames = maskFrames;
        this.maskKeys = maskKeys;
        this.maxQueuedBytes = maxQueuedBytes;
        this.counters = counters;
        this.onHeld = onHeld;
    }

    /**
     * Queues one frame. The payload is sent from its position to its limit; it must stay
     * unchanged until {@code callback} runs (masking works on a copy).
     */
    void send(int opcode, boolean fin, ByteBuffer payload, SendCallback callback) {
        send(opcode, fin, 0, payload, callback, false, false);
    }

    /**
     * Queues one frame with RSV bits set (an extension transformed its payload).
     *
     * @param hold queue it without writing it yet (see {@link #flushHeld})
     */
    void send(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback, boolean hold) {
        send(opcode, fin, rsv, payload, callback, false, hold);
    }

    /** Queues the close frame: it is the last frame this connection sends. */
    void sendClose(ByteBuffer payload, SendCallback callback, boolean hold) {
        send(Opcode.CLOSE, true, 0, payload, callback, true, hold);
    }

    /**
     * Queues a frame encoded once for many connections; this connection writes it from a view of
     * its own.
     *
     * @param defer queue it without writing it yet (and with no hold limit): {@link #flushHeld}, or
     *              the next frame that is not held, writes it
     * @throws IllegalStateException on a connection that masks its frames (a client)
     */
    void sendShared(SharedFrame frame, SendCallback callback, boolean defer) {
        if (maskFrames) {
            throw new IllegalStateException("A client masks every frame afresh; shared frames are for server connections");
        }
        enqueue(new Pending(new ByteBuffer[] {frame.view()}, callback), callback, false, defer, false);
    }

    /** Writes the frames held back, unless a write is in flight (its completion writes them). */
    void flushHeld() {
        synchronized (this) {
            if (flushing || head == null) {
                return;
            }
            flushing = true;
        }
        flush();
    }

    private void send(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback, boolean last,
            boolean hold) {
        enqueue(encode(opcode, fin, rsv, payload, callback), callback, last, hold, hold);
    }

    /** @param burst a frame held back for a burst: the connection hears of it (it arms the hold limit) */
    private void enqueue(Pending frame, SendCallback callback, boolean last, boolean hold, boolean burst) {
        boolean becomeFlusher;
        boolean pause = false;
        long newPeak = 0;
        synchronized (this) {
            if (outputClosed) {
                frame = null;
                becomeFlusher = false;
            } else {
                outputClosed = last;
                add(frame);
                queuedBytes += frame.size;
                if (queuedBytes > queuedPeak) {
                    queuedPeak = newPeak = queuedBytes;
                }
                if (!readingPaused && queuedBytes > maxQueuedBytes) {
                    readingPaused = pause = true;
                }
                becomeFlusher = !flushing && !hold;
                flushing |= becomeFlusher;
            }
        }
        if (frame == null) {
            callback.done(new IOException("The WebSocket session is closed; nothing more can be sent"));
            return;
        }
        if (newPeak > 0) {
            counters.outboundQueueReached(newPeak);
        }
        if (pause) {
            transport.pauseReading();
        }
        if (becomeFlusher) {
            flush();
        } else if (burst) {
            onHeld.run();
        }
    }

    /** Whether frames already wait for the transport beyond the queue limit. */
    boolean isOverLimit() {
        synchronized (this) {
            return queuedBytes > maxQueuedBytes;
        }
    }

    long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    private Pending encode(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback) {
        int length = payload.remaining();
        int headerSize = FrameWriter.headerSize(length, maskFrames);
        int key = maskFrames ? maskKeys.nextInt() : 0;
        if (maskFrames || length <= COPY_LIMIT) {
            // Header and payload in one buffer: masking needs a copy anyway, and for a small
            // payload a copy costs less than a second write call down to the socket.
            ByteBuffer frame = ByteBuffer.allocate(headerSize + length);
            FrameWriter.writeHeader(frame, fin, rsv, opcode, length, maskFrames, key);
            frame.put(headerSize, payload, payload.position(), length).position(headerSize + length);
            if (maskFrames) {
                Masker.mask(frame, headerSize, length, key, 0);
            }
            return new Pending(new ByteBuffer[] {frame.flip()}, callback);
        }
        ByteBuffer header = ByteBuffer.allocate(headerSize);
        FrameWriter.writeHeader(header, fin, rsv, opcode, length, maskFrames, key);
        return new Pending(new ByteBuffer[] {header.flip(), payload}, callback);
    }

    /** Writes batches until the queue is empty or a write goes asynchronous. */
    private void flush() {
        while (true) {
            Batch batch = takeBatch();
            if (batch == null) {
                return;
            }
            transport.write(batch.buffers, batch);
            if (batch.continueAsynchronously()) {
                return;
            }
        }
    }

    private void add(Pending frame) {
        if (head == null) {
            head = frame;
            return;
        }
        if (behind == null) {
            behind = new ArrayDeque<>(4);
        }
        behind.add(frame);
    }

    /** Empties the queue (of more than one frame), in order. */
    private Pending[] takeAll() {
        int n = 1 + (behind == null ? 0 : behind.size());
        Pending[] frames = new Pending[n];
        frames[0] = head;
        for (int i = 1; i < n; i++) {
            frames[i] = behind.poll();
        }
        head = null;
        behind = null;
        return frames;
    }

    private Batch takeBatch() {
        synchronized (this) {
            if (head == null) {
                flushing = false;
                return null;
            }
            if (behind == null) {
                Pending only = head; // the usual case: nothing else was queued meanwhile
                head = null;
                return new Batch(only);
            }
            Pending[] frames = takeAll();
            return new Batch(frames);
        }
    }

    private void written(Batch batch, Throwable failure) {
        boolean resume = false;
        synchronized (this) {
            queuedBytes -= batch.size;
            if (readingPaused && queuedBytes <= maxQueuedBytes / 2) {
                readingPaused = false;
                resume = true;
            }
        }
        batch.complete(failure);
        if (resume) {
            transport.resumeReading();
        }
    }

    /**
     * One queued frame: one buffer, or header and payload. Its size is taken when it is queued: a
     * transport may consume the buffers (move their positions) while writing them.
     */
    private static final class Pending {
        final ByteBuffer[] buffers;
        final SendCallback callback;
        final long size;

        Pending(ByteBuffer[] buffers, SendCallback callback) {
            this.buffers = buffers;
            this.callback = callback;
            long s = 0;
            for (ByteBuffer b : buffers) {
                s += b.remaining();
            }
            this.size = s;
        }
    }

    /**
     * The frames of one transport write, and its completion. If the transport completes it before
     * {@link #continueAsynchronously} is asked, the flushing thread goes on with the next batch;
     * otherwise the completing thread takes over the flushing. The state is the inherited int:
     * one object per write instead of two.
     */
    private final class Batch extends AtomicInteger implements Transport.WriteCallback {
        private static final int PENDING = 0;
        private static final int DONE_IN_CALL = 1;
        private static final int ASYNC = 2;

        /** The one frame of a single-frame batch, else null. */
        private final Pending single;
        /** The frames of a batch of several, else null. */
        private final Pending[] frames;
        final ByteBuffer[] buffers;
        final long size;

        Batch(Pending single) {
            this.single = single;
            this.frames = null;
            this.buffers = single.buffers;
            this.size = single.size;
        }

        Batch(Pending[] frames) {
            this.single = null;
            this.frames = frames;
            int count = 0;
            long s = 0;
            for (Pending p : frames) {
                count += p.buffers.length;
                s += p.size;
            }
            ByteBuffer[] all = new ByteBuffer[count];
            int i = 0;
            for (Pending p : frames) {
                for (ByteBuffer b : p.buffers) {
                    all[i++] = b;
                }
            }
            this.buffers = all;
            this.size = s;
        }

        /** Tells every frame's sender. */
        void complete(Throwable failure) {
            if (single != null) {
                single.callback.done(failure);
                return;
            }
            for (Pending p : frames) {
                p.callback.done(failure);
            }
        }

        @Override
        public void completed() {
            counters.bytesSent(size);
            written(this, null);
            if (!compareAndSet(PENDING, DONE_IN_CALL)) {
                flush();
            }
        }

        @Override
        public void failed(Throwable cause) {
            failAll(this, cause);
        }

        /** True when the write is still in progress: its completion will continue flushing. */
        boolean continueAsynchronously() {
            return compareAndSet(PENDING, ASYNC);
        }

        @Override
        public String toString() {
            return "batch of " + (single != null ? 1 : frames.length) + " frames, " + size + " bytes";
        }
    }

    /** A failed write fails that batch and everything queued after it; the connection is broken. */
    private void failAll(Batch batch, Throwable cause) {
        List<Pending> rest;
        synchronized (this) {
            outputClosed = true;
            rest = head == null ? List.of() : List.of(takeAll());
            queuedBytes = 0;
            flushing = false;
        }
        IOException failure = cause instanceof IOException io ? io : new IOException("Write failed", cause);
        batch.complete(failure);
        for (Pending p : rest) {
            p.callback.done(failure);
        }
    }
}
