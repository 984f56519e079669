package dev.ferry.servlet;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the engine that speaks no WebSocket at all: it echoes raw bytes, so the bridge's
 * transport can be tested in real containers on its own. Modes: {@code echo} (close once the
 * peer's input ends), {@code hello-close} (write "hello" and close at once), {@code pause} (after
 * the first chunk, pause reading until another thread calls {@link #resume()}).
 * A transport takes one write at a time, so echoes wait in a queue of their own, as the engine's
 * send queue does, and a graceful close waits behind them.
 */
final class ByteEchoSession implements PendingSession, TransportListener {

    private final String mode;
    /** Set while reading is paused in {@code pause} mode; data delivered meanwhile is counted. */
    private volatile boolean paused;
    final AtomicInteger chunksWhilePaused = new AtomicInteger();
    private final AtomicBoolean inListener = new AtomicBoolean();
    final AtomicInteger overlappingCalls = new AtomicInteger();
    final AtomicInteger closedCalls = new AtomicInteger();
    final AtomicInteger endOfInputCalls = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final CountDownLatch closed = new CountDownLatch(1);
    private volatile Transport transport;
    private int chunks;
    /** Echoes not yet handed to the transport, and whether one is in flight; guarded by itself. */
    private final java.util.ArrayDeque<ByteBuffer[]> outbound = new java.util.ArrayDeque<>();
    private boolean writing;
    private boolean closeWhenWritten;

    ByteEchoSession(String mode) {
        this.mode = mode;
    }

    /** Lets reading go on after the pause of {@code pause} mode; called from the test's thread. */
    void resume() {
        paused = false;
        transport.resumeReading();
    }

    @Override
    public void start(Transport t) {
        this.transport = t;
        t.start(this);
        if (mode.equals("hello-close")) {
            send(new ByteBuffer[] {ByteBuffer.wrap("hel".getBytes(StandardCharsets.US_ASCII)),
                    ByteBuffer.allocateDirect(2).put((byte) 'l').put((byte) 'o').flip()});
            closeGracefully();
        }
    }

    @Override
    public void abandon(Throwable cause) {
        failure.set(cause);
    }

    @Override
    public void onData(ByteBuffer data) {
        debug("onData " + data.remaining());
        enter();
        try {
            if (paused) {
                chunksWhilePaused.incrementAndGet();
            }
            if (mode.equals("pause") && chunks == 0) {
                // Paused before the echo goes out: the peer sends more only once it has the echo.
                // (Paused after it, a worker-delivered route could already have read what came
                // next: bytes read before a pause are still delivered, see WorkerDelivery.)
                paused = true;
                transport.pauseReading();
            }
            // Alternate heap and direct copies, so that both write paths of the bridge run.
            ByteBuffer copy = (chunks++ % 2 == 0) ? ByteBuffer.allocate(data.remaining())
                    : ByteBuffer.allocateDirect(data.remaining());
            copy.put(data).flip();
            send(new ByteBuffer[] {copy});
        } finally {
            leave();
        }
    }

    @Override
    public void onEndOfInput(Throwable failureOrNull) {
        debug("onEndOfInput " + failureOrNull);
        enter();
        try {
            endOfInputCalls.incrementAndGet();
            if (failureOrNull != null) {
                failure.compareAndSet(null, failureOrNull);
            }
            if (failureOrNull != null) {
                transport.close(true);
            } else {
                closeGracefully();
            }
        } finally {
            leave();
        }
    }

    @Override
    public void onClosed() {
        debug("onClosed");
        enter();
        try {
            closedCalls.incrementAndGet();
            closed.countDown();
        } finally {
            leave();
        }
    }

    private void send(ByteBuffer[] buffers) {
        synchronized (outbound) {
            outbound.add(buffers);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    /** Hands the next queued echo to the transport, or closes once all are written and a close is due. */
    private void writeNext() {
        ByteBuffer[] next;
        boolean close = false;
        synchronized (outbound) {
            next = outbound.poll();
            if (next == null) {
                writing = false;
                close = closeWhenWritten;
            }
        }
        if (next != null) {
            transport.write(next, callback());
        } else if (close) {
            transport.close(false);
        }
    }

    private void closeGracefully() {
        synchronized (outbound) {
            closeWhenWritten = true;
            if (writing) {
                return;
            }
        }
        transport.close(false);
    }

    private Transport.WriteCallback callback() {
        return new Transport.WriteCallback() {
            @Override
            public void completed() {
                writeNext();
            }

            @Override
            public void failed(Throwable cause) {
                debug("write failed " + cause);
                failure.compareAndSet(null, cause);
            }
        };
    }

    private static void debug(String what) {
        if (Boolean.getBoolean("ferry.test.debug")) {
            System.out.println(Thread.currentThread().getName() + " " + what);
        }
    }

    private void enter() {
        if (!inListener.compareAndSet(false, true)) {
            overlappingCalls.incrementAndGet();
        }
    }

    private void leave() {
        inListener.set(false);
    }
}
