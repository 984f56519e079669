package dev.ferry.session;

import dev.ferry.frame.FrameWriter;
import dev.ferry.frame.Masker;
import dev.ferry.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one serialised path by which frames of a connection reach its transport.
 *
 * <p>Callers on any thread queue frames; whoever finds the sender idle becomes the flusher and
 * hands every queued frame to the transport in one gathered write, repeating until the queue is
 * empty. A write that completes synchronously loops in the same thread instead of recursing.
 * The lock guards only the queue, never I/O.
 *
 * <p>When the bytes queued pass {@code maxQueuedBytes} the connection stops reading, so a peer
 * that does not read what it provokes (pings, echoes) is pushed back on instead of filling memory.
 */
final class FrameSender {

    private final Transport transport;
    private final boolean maskFrames;
    private final Random maskKeys;
    private final long maxQueuedBytes;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean flushing;
    private boolean outputClosed;
    private long queuedBytes;
    private boolean readingPaused;

    FrameSender(Transport transport, boolean maskFrames, Random maskKeys, long maxQueuedBytes) {
        this.transport = transport;
        this.maskFrames = maskFrames;
        this.maskKeys = maskKeys;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * Queues one frame. The payload is sent from its position to its limit; it must stay
     * unchanged until {@code callback} runs (masking works on a copy).
     */
    void send(int opcode, boolean fin, ByteBuffer payload, SendCallback callback) {
        send(opcode, fin, 0, payload, callback, false);
    }

    /** Queues one frame with RSV bits set (an extension transformed its payload). */
    void send(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback) {
        send(opcode, fin, rsv, payload, callback, false);
    }

    /** Queues the close frame: it is the last frame this connection sends. */
    void sendClose(ByteBuffer payload, SendCallback callback) {
        send(dev.ferry.frame.Opcode.CLOSE, true, 0, payload, callback, true);
    }

    private void send(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback, boolean last) {
        Pending frame = encode(opcode, fin, rsv, payload, callback);
        boolean becomeFlusher;
        boolean pause = false;
        lock.lock();
        try {
            if (outputClosed) {
                frame = null;
                becomeFlusher = false;
            } else {
                outputClosed = last;
                queue.add(frame);
                queuedBytes += frame.size();
                if (!readingPaused && queuedBytes > maxQueuedBytes) {
                    readingPaused = pause = true;
                }
                becomeFlusher = !flushing;
                flushing = true;
            }
        } finally {
            lock.unlock();
        }
        if (frame == null) {
            callback.done(new IOException("The WebSocket session is closed; nothing more can be sent"));
            return;
        }
        if (pause) {
            transport.pauseReading();
        }
        if (becomeFlusher) {
            flush();
        }
    }

    /** Whether frames already wait for the transport beyond the queue limit. */
    boolean isOverLimit() {
        lock.lock();
        try {
            return queuedBytes > maxQueuedBytes;
        } finally {
            lock.unlock();
        }
    }

    long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** Whether the close frame has been queued (nothing may follow it). */
    boolean isOutputClosed() {
        lock.lock();
        try {
            return outputClosed;
        } finally {
            lock.unlock();
        }
    }

    private Pending encode(int opcode, boolean fin, int rsv, ByteBuffer payload, SendCallback callback) {
        int length = payload.remaining();
        ByteBuffer header = ByteBuffer.allocate(FrameWriter.headerSize(length, maskFrames));
        int key = maskFrames ? maskKeys.nextInt() : 0;
        FrameWriter.writeHeader(header, fin, rsv, opcode, length, maskFrames, key);
        header.flip();
        ByteBuffer body = payload;
        if (maskFrames && length > 0) {
            body = ByteBuffer.allocate(length).put(payload.duplicate()).flip();
            Masker.mask(body, 0, length, key, 0);
        }
        return new Pending(header, body, callback);
    }

    /** Writes batches until the queue is empty or a write goes asynchronous. */
    private void flush() {
        while (true) {
            List<Pending> batch = takeBatch();
            if (batch == null) {
                return;
            }
            ByteBuffer[] buffers = new ByteBuffer[batch.size() * 2];
            for (int i = 0; i < batch.size(); i++) {
                buffers[2 * i] = batch.get(i).header();
                buffers[2 * i + 1] = batch.get(i).payload();
            }
            BatchCompletion completion = new BatchCompletion(batch);
            transport.write(buffers, completion);
            if (completion.continueAsynchronously()) {
                return;
            }
        }
    }

    private List<Pending> takeBatch() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                flushing = false;
                return null;
            }
            List<Pending> batch = new ArrayList<>(queue);
            queue.clear();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void written(List<Pending> batch, Throwable failure) {
        boolean resume = false;
        lock.lock();
        try {
            for (Pending p : batch) {
                queuedBytes -= p.size();
            }
            if (readingPaused && queuedBytes <= maxQueuedBytes / 2) {
                readingPaused = false;
                resume = true;
            }
        } finally {
            lock.unlock();
        }
        for (Pending p : batch) {
            p.callback().done(failure);
        }
        if (resume) {
            transport.resumeReading();
        }
    }

    private record Pending(ByteBuffer header, ByteBuffer payload, SendCallback callback) {
        long size() {
            return header.remaining() + (long) payload.remaining();
        }
    }

    /**
     * Completes one batch. If the transport completes it before {@link #continueAsynchronously}
     * is asked, the flushing thread goes on with the next batch; otherwise the completing thread
     * takes over the flushing.
     */
    private final class BatchCompletion implements Transport.WriteCallback {
        private static final int PENDING = 0;
        private static final int DONE_IN_CALL = 1;
        private static final int ASYNC = 2;

        private final List<Pending> batch;
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        private final long size;

        BatchCompletion(List<Pending> batch) {
            this.batch = batch;
            long s = 0;
            for (Pending p : batch) {
                s += p.size();
            }
            this.size = s;
        }

        @Override
        public void completed() {
            written(batch, null);
            if (!state.compareAndSet(PENDING, DONE_IN_CALL)) {
                flush();
            }
        }

        @Override
        public void failed(Throwable cause) {
            failAll(batch, cause);
        }

        /** True when the write is still in progress: its completion will continue flushing. */
        boolean continueAsynchronously() {
            return state.compareAndSet(PENDING, ASYNC);
        }

        @Override
        public String toString() {
            return "batch of " + batch.size() + " frames, " + size + " bytes";
        }
    }

    /** A failed write fails that batch and everything queued after it; the connection is broken. */
    private void failAll(List<Pending> batch, Throwable cause) {
        List<Pending> rest;
        lock.lock();
        try {
            outputClosed = true;
            rest = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            flushing = false;
        } finally {
            lock.unlock();
        }
        IOException failure = cause instanceof IOException io ? io : new IOException("Write failed", cause);
        for (Pending p : batch) {
            p.callback().done(failure);
        }
        for (Pending p : rest) {
            p.callback().done(failure);
        }
    }
}
