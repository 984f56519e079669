package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.transport.TransportListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader's state word under contention: a container that calls back on its own thread exactly
 * as the Servlet contract says (one onDataAvailable per isReady() that answered false, once data
 * is there), an engine that pauses and resumes from another thread, the gate opened from a third,
 * and a close racing with reads. Whatever the interleaving, the listener's calls never overlap,
 * no two threads read the stream at once, every byte arrives once and in order, and onClosed comes
 * exactly once, last.
 */
@Timeout(120)
class NonBlockingReaderConcurrencyTest {

    /** A non-blocking input stream fed by a producer thread, whose "container" calls back as Tomcat does. */
    private static final class ContainerInput extends ServletInputStream {
        final ConcurrentLinkedQueue<byte[]> chunks = new ConcurrentLinkedQueue<>();
        /** isReady() said false: the container owes one onDataAvailable once data is there. Owed from setReadListener on. */
        final AtomicBoolean owed = new AtomicBoolean();
        final AtomicInteger readersInside = new AtomicInteger();
        final AtomicInteger overlappingReads = new AtomicInteger();
        volatile ReadListener listener;

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            if (!chunks.isEmpty()) {
                return true;
            }
            owed.set(true);
            // Widens the window in which the container's callback can land before the reader has
            // given up its role, the race the state word's SIGNALLED bit exists for.
            for (int i = 0; i < 3; i++) {
                Thread.yield();
            }
            return false;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            listener = readListener;
            owed.set(true);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (readersInside.incrementAndGet() != 1) {
                overlappingReads.incrementAndGet();
            }
            try {
                byte[] chunk = chunks.poll();
                if (chunk == null) {
                    return 0;
                }
                System.arraycopy(chunk, 0, b, off, chunk.length);
                return chunk.length;
            } finally {
                readersInside.decrementAndGet();
            }
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        /** One step of the container's thread: call back if a callback is owed and data is there. */
        void callBackIfDue() {
            ReadListener l = listener;
            if (l != null && !chunks.isEmpty() && owed.compareAndSet(true, false)) {
                try {
                    l.onDataAvailable();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    /** Collects what arrives and checks that calls never overlap and nothing follows onClosed. */
    private static final class CheckingListener implements TransportListener {
        final StringBuilder received = new StringBuilder();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger closedCalls = new AtomicInteger();
        final AtomicInteger callsAfterClosed = new AtomicInteger();

        private void enter() {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            if (closedCalls.get() > 0) {
                callsAfterClosed.incrementAndGet();
            }
        }

        @Override
        public void onData(ByteBuffer bytes) {
            enter();
            synchronized (received) {
                received.append(StandardCharsets.US_ASCII.decode(bytes));
            }
            inside.decrementAndGet();
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
            enter();
            inside.decrementAndGet();
        }

        @Override
        public void onClosed() {
            enter();
            closedCalls.incrementAndGet();
            inside.decrementAndGet();
        }

        String text() {
            synchronized (received) {
                return received.toString();
            }
        }
    }

    @Test
    void pausesResumesTheGateAndContainerCallbacksRacingNeverLoseReorderOrOverlapAnything() throws Exception {
        SplittableRandom seeds = new SplittableRandom(2026);
        for (int round = 0; round < 40; round++) {
            runRound(seeds.split(), false);
        }
    }

    @Test
    void aCloseRacingWithReadsIsDeliveredOnceAndLast() throws Exception {
        SplittableRandom seeds = new SplittableRandom(6455);
        for (int round = 0; round < 40; round++) {
            runRound(seeds.split(), true);
        }
    }

    private static void runRound(SplittableRandom random, boolean closeMidway) throws Exception {
        ContainerInput in = new ContainerInput();
        CheckingListener listener = new CheckingListener();
        NonBlockingReader reader = new NonBlockingReader(in, 64, failure -> { });
        int chunks = 100 + random.nextInt(100);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            expected.append(i).append(',');
        }
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicBoolean running = new AtomicBoolean(true);

        Thread container = new Thread(() -> {
            while (running.get()) {
                in.callBackIfDue();
                Thread.onSpinWait();
            }
        }, "container");
        long pauseSeed = random.nextLong();
        Thread engine = new Thread(() -> {
            SplittableRandom r = new SplittableRandom(pauseSeed);
            while (producing.get()) {
                reader.pause();
                for (int i = r.nextInt(50); i > 0; i--) {
                    Thread.onSpinWait();
                }
                reader.resume();
                for (int i = r.nextInt(50); i > 0; i--) {
                    Thread.onSpinWait();
                }
            }
        }, "engine");
        Thread opener = new Thread(reader::openGate, "first-writable");
        reader.start(listener);
        container.start();
        engine.start();
        opener.start();
        int closeAt = closeMidway ? random.nextInt(chunks) : -1;
        for (int i = 0; i < chunks; i++) {
            in.chunks.add((i + ",").getBytes(StandardCharsets.US_ASCII));
            if (i == closeAt) {
                reader.closed();
            }
            if (random.nextInt(4) == 0) {
                Thread.yield();
            }
        }
        producing.set(false);
        engine.join(10_000);
        opener.join(10_000);
        reader.resume(); // the engine's last word may have been a pause
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        if (!closeMidway) {
            while (!listener.text().contentEquals(expected) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(expected.toString(), listener.text(), "bytes lost, repeated or out of order");
            reader.closed();
        }
        while (listener.closedCalls.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        running.set(false);
        container.join(10_000);
        for (Thread t : List.of(container, engine, opener)) {
            assertFalse(t.isAlive(), t.getName() + " is stuck");
        }
        assertEquals(0, in.overlappingReads.get(), "two threads read the stream at once");
        assertEquals(0, listener.overlaps.get(), "listener calls overlapped");
        assertEquals(1, listener.closedCalls.get(), "onClosed must come exactly once");
        assertEquals(0, listener.callsAfterClosed.get(), "the listener heard something after onClosed");
        assertTrue(expected.toString().startsWith(listener.text()), "what arrived is not a prefix of what was sent");
    }
}
