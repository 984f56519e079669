package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.Poll;
import dev.ferry.transport.TransportListener;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerDeliveryTest {

    /** Records calls, their threads, and any two calls that ran at once. */
    private static final class Recorder implements TransportListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean inside = new AtomicBoolean();
        final AtomicInteger overlaps = new AtomicInteger();

        private void record(String event) {
            if (!inside.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            try {
                events.add(event);
                threads.add(Thread.currentThread().getName());
                Thread.yield(); // widens the window for an overlapping call to show
            } finally {
                inside.set(false);
            }
        }

        @Override
        public void onData(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            record(bytes.length > 16 ? "data " + bytes.length : new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
            record("end " + failureOrNull);
        }

        @Override
        public void onClosed() {
            record("closed");
        }
    }

    /** Runs nothing until told: the test decides when the "worker" takes the queue. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable t;
            while ((t = tasks.poll()) != null) {
                t.run();
            }
        }
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void callsRunOnTheWorkersInOrderWithoutOverlapAndCloseComesLast() throws Exception {
        Recorder recorder = new Recorder();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "worker"));
        try {
            WorkerDelivery delivery = new WorkerDelivery(recorder, pool, () -> { }, () -> { });
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                delivery.onData(ascii("m" + i));
                expected.add("m" + i);
            }
            delivery.onEndOfInput(null);
            delivery.onClosed();
            expected.add("end null");
            expected.add("closed");
            Poll.until(Duration.ofSeconds(10), "every call delivered", () -> recorder.events.size() == expected.size());
            assertEquals(expected, recorder.events);
            assertEquals(0, recorder.overlaps.get(), "calls that overlapped");
            assertTrue(recorder.threads.stream().allMatch("worker"::equals), "a call ran off the workers: " + recorder.threads);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCallersBufferIsCopiedSoItMayBeReusedAtOnce() {
        Recorder recorder = new Recorder();
        ManualExecutor workers = new ManualExecutor();
        WorkerDelivery delivery = new WorkerDelivery(recorder, workers, () -> { }, () -> { });
        ByteBuffer reused = ascii("first");
        delivery.onData(reused);
        reused.clear();
        reused.put(ascii("other")).flip();
        delivery.onData(reused);
        workers.runAll();
        assertEquals(List.of("first", "other"), recorder.events);
    }

    @Test
    void aFullBacklogHoldsReadingUntilTheWorkersHaveTakenItBackUnderTheLimit() {
        Recorder recorder = new Recorder();
        ManualExecutor workers = new ManualExecutor();
        AtomicInteger holds = new AtomicInteger();
        AtomicInteger releases = new AtomicInteger();
        WorkerDelivery delivery = new WorkerDelivery(recorder, workers, holds::incrementAndGet, releases::incrementAndGet);
        int read = 16 * 1024;
        int reads = WorkerDelivery.BACKLOG_LIMIT / read;
        for (int i = 0; i < reads - 1; i++) {
            delivery.onData(ByteBuffer.allocate(read));
        }
        assertEquals(0, holds.get(), "held below the limit");
        delivery.onData(ByteBuffer.allocate(read));
        assertEquals(1, holds.get(), "not held at the limit");
        assertEquals(WorkerDelivery.BACKLOG_LIMIT, delivery.backlog());
        assertEquals(0, releases.get());

        workers.runAll();
        assertEquals(1, releases.get(), "releases once the workers took the backlog");
        assertEquals(0, delivery.backlog());
        assertEquals(reads, recorder.events.size());
    }

    @Test
    void whenThePoolRefusesTheCallingThreadDelivers() {
        Recorder recorder = new Recorder();
        WorkerDelivery delivery = new WorkerDelivery(recorder, task -> {
            throw new RejectedExecutionException("stopping");
        }, () -> { }, () -> { });
        delivery.onData(ascii("late"));
        delivery.onClosed();
        assertEquals(List.of("late", "closed"), recorder.events);
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), recorder.threads);
    }
}
