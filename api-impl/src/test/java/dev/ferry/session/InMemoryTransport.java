package dev.ferry.session;

import dev.ferry.engine.frame.FrameHandler;
import dev.ferry.engine.frame.FrameParser;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport in memory: the test feeds bytes as the peer, and reads back the frames the engine
 * wrote. Writes complete at once unless {@link #holdWrites} is set, which simulates a peer that
 * does not read.
 */
public final class InMemoryTransport implements Transport {

    /** One frame as the peer received it. */
    public record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        public String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }

        public int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private TransportListener listener;
    private final List<Frame> frames = new ArrayList<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final FrameParser peerParser;
    private final List<Runnable> heldWrites = new ArrayList<>();
    boolean holdWrites;
    boolean paused;
    public volatile boolean closed;
    boolean aborted;
    int closedCallbacks;
    /**
     * Whether the delivering thread may wait for writes: false by default, as on the servlet route
     * (the strictest), true to act like direct I/O and Jetty's route.
     */
    public volatile boolean deliveringThreadMayWait;
    /** How many times the engine called {@link #write}: the answers to a burst should share one. */
    public volatile int writeCalls;
    /** The buffers of the last write, as the engine passed them (before they were consumed). */
    public volatile ByteBuffer[] lastWriteBuffers;

    public InMemoryTransport() {
        peerParser = new FrameParser(false, new FrameHandler() {
            private boolean fin;
            private int rsv;
            private int opcode;

            @Override
            public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
                this.fin = fin;
                this.rsv = rsv;
                this.opcode = opcode;
                current.reset();
            }

            @Override
            public void onPayload(ByteBuffer chunk) {
                byte[] b = new byte[chunk.remaining()];
                chunk.get(b);
                current.writeBytes(b);
            }

            @Override
            public void onFrameEnd() {
                frames.add(new Frame(fin, rsv, opcode, current.toByteArray()));
            }
        });
        peerParser.setAllowedRsv(7);
    }

    @Override
    public synchronized void start(TransportListener listener) {
        this.listener = listener;
    }

    /** Delivers bytes as if the peer sent them. */
    public void feed(byte[] bytes) {
        listener.onData(ByteBuffer.wrap(bytes.clone()));
    }

    public void endOfInput() {
        listener.onEndOfInput(null);
    }

    @Override
    public synchronized void write(ByteBuffer[] buffers, WriteCallback done) {
        if (closed) {
            done.failed(new java.io.IOException("closed"));
            return;
        }
        if (!heldWrites.isEmpty()) {
            // A real transport takes one write at a time; the send queue must wait for the last.
            throw new IllegalStateException("A write is still in flight");
        }
        writeCalls++;
        lastWriteBuffers = buffers.clone();
        List<ByteBuffer> copies = new ArrayList<>();
        for (ByteBuffer b : buffers) {
            // Consumes the buffers as a real transport does (their positions move to the limit).
            ByteBuffer copy = ByteBuffer.allocate(b.remaining());
            copy.put(b).flip();
            copies.add(copy);
        }
        Runnable completion = () -> {
            synchronized (this) {
                for (ByteBuffer b : copies) {
                    peerParser.parse(b);
                }
            }
            done.completed();
        };
        if (holdWrites) {
            heldWrites.add(completion);
        } else {
            completion.run();
        }
    }

    /** Lets held writes complete, as a peer that starts reading again. */
    void releaseWrites() {
        List<Runnable> held;
        synchronized (this) {
            holdWrites = false;
            held = new ArrayList<>(heldWrites);
            heldWrites.clear();
        }
        held.forEach(Runnable::run);
    }

    public synchronized List<Frame> frames() {
        return new ArrayList<>(frames);
    }

    @Override
    public boolean deliveringThreadMayWait(int applicationBytes) {
        return deliveringThreadMayWait;
    }

    @Override
    public synchronized void pauseReading() {
        paused = true;
    }

    @Override
    public synchronized void resumeReading() {
        paused = false;
    }

    @Override
    public void close(boolean abort) {
        TransportListener l;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            aborted = abort;
            closedCallbacks++;
            l = listener;
        }
        if (l != null) {
            l.onClosed();
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return null;
    }

    @Override
    public InetSocketAddress localAddress() {
        return null;
    }

    @Override
    public boolean isSecure() {
        return false;
    }
}
