package dev.ferry.broadcast;

import dev.ferry.engine.frame.FrameHandler;
import dev.ferry.engine.frame.FrameParser;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client end of a test session, in memory: parses what the server writes into frames, and can
 * stop reading (writes then stay pending, as on a socket whose peer reads nothing) and start again.
 */
final class Peer implements Transport {

    /** One frame as the peer read it. */
    record Frame(int opcode, int rsv, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private final FrameParser parser;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Runnable> pendingWrites = new ArrayList<>();
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    private boolean reading = true;
    /** The backing arrays of every buffer written, in order (to see that frames were shared). */
    private final List<byte[]> arrays = new ArrayList<>();
    private int writes;
    private TransportListener listener;

    Peer() {
        parser = new FrameParser(false, new FrameHandler() {
            private int opcode;
            private int rsv;

            @Override
            public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
                this.opcode = opcode;
                this.rsv = rsv;
                payload.reset();
            }

            @Override
            public void onPayload(ByteBuffer chunk) {
                byte[] b = new byte[chunk.remaining()];
                chunk.get(b);
                payload.writeBytes(b);
            }

            @Override
            public void onFrameEnd() {
                frames.add(new Frame(opcode, rsv, payload.toByteArray()));
            }
        });
        parser.setAllowedRsv(7);
    }

    @Override
    public synchronized void start(TransportListener listener) {
        this.listener = listener;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        Runnable completion;
        synchronized (this) {
            writes++;
            List<ByteBuffer> copies = new ArrayList<>();
            for (ByteBuffer b : buffers) {
                if (b.hasArray()) {
                    arrays.add(b.array());
                }
                copies.add(ByteBuffer.allocate(b.remaining()).put(b).flip());
            }
            completion = () -> {
                synchronized (this) {
                    copies.forEach(parser::parse);
                }
                done.completed();
            };
            if (!reading) {
                pendingWrites.add(completion);
                return;
            }
        }
        completion.run();
    }

    /** Stops reading: later writes stay pending. */
    synchronized void stopReading() {
        reading = false;
    }

    /** Reads again: pending writes complete. */
    void startReading() {
        List<Runnable> pending;
        synchronized (this) {
            reading = true;
            pending = new ArrayList<>(pendingWrites);
            pendingWrites.clear();
        }
        pending.forEach(Runnable::run);
    }

    synchronized List<Frame> frames() {
        return new ArrayList<>(frames);
    }

    synchronized List<String> texts() {
        return frames.stream().filter(f -> f.opcode() == 1).map(Frame::text).toList();
    }

    synchronized int writes() {
        return writes;
    }

    synchronized List<byte[]> arrays() {
        return new ArrayList<>(arrays);
    }

    @Override
    public void pauseReading() {
    }

    @Override
    public void resumeReading() {
    }

    @Override
    public void close(boolean abort) {
        TransportListener l;
        synchronized (this) {
            l = listener;
            listener = null;
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
