package dev.ferry.client;

import dev.ferry.engine.Scheduler;
import dev.ferry.nio.SelectorLoop;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads and randomness one client container shares among its connections: the I/O thread,
 * the timer thread, the worker threads that run the endpoints' callbacks, and a
 * {@link SecureRandom} for handshake keys and frame masks. The threads start on the first
 * connection, so a container nobody connects with costs no thread.
 */
final class ClientRuntime {

    static final String IO_THREAD_NAME = "ferry-client-io";
    static final String TIMER_THREAD_NAME = "ferry-client-timer";
    static final String WORKER_THREAD_NAME = "ferry-client-worker";
    /** How long an unused worker thread lives. */
    private static final long WORKER_KEEP_ALIVE_SECONDS = 30;

    /**
     * Running threads; all exist or none. Workers are created as callbacks need them and end when
     * idle: a callback that blocks holds one thread, never the I/O thread or another session's.
     */
    record Threads(SelectorLoop loop, ScheduledExecutorService timers, Scheduler scheduler, ExecutorService workers) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Object lock = new Object();
    private Threads threads;
    private boolean shutDown;

    SecureRandom random() {
        return random;
    }

    /** A thread that runs endpoint callbacks; one must not wait there for its own session's events. */
    static final class WorkerThread extends Thread {
        WorkerThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    /** Whether the calling thread runs client endpoint callbacks (of any container). */
    static boolean onWorkerThread() {
        return Thread.currentThread() instanceof WorkerThread;
    }

    /** The running threads, started now if this is the first call. */
    Threads threads() throws IOException {
        synchronized (lock) {
            if (shutDown) {
                throw new IllegalStateException("This WebSocket client container has been closed");
            }
            if (threads == null) {
                SelectorLoop loop = new SelectorLoop(IO_THREAD_NAME);
                ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
                    Thread t = new Thread(runnable, TIMER_THREAD_NAME);
                    t.setDaemon(true);
                    return t;
                });
                timers.setRemoveOnCancelPolicy(true);
                AtomicInteger workerNumber = new AtomicInteger();
                ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, WORKER_KEEP_ALIVE_SECONDS,
                        TimeUnit.SECONDS, new SynchronousQueue<>(),
                        runnable -> new WorkerThread(runnable, WORKER_THREAD_NAME + "-" + workerNumber.incrementAndGet()));
                loop.start();
                threads = new Threads(loop, timers, Scheduler.of(timers), workers);
            }
            return threads;
        }
    }

    /** The threads if they were started, else {@code null}. */
    Threads startedThreads() {
        synchronized (lock) {
            return threads;
        }
    }

    boolean isShutDown() {
        synchronized (lock) {
            return shutDown;
        }
    }

    /** Marks the runtime closed: no thread starts after this. Returns the threads to stop, or null. */
    Threads beginShutdown() {
        synchronized (lock) {
            shutDown = true;
            return threads;
        }
    }

    /** Stops the threads, waiting up to {@code waitMillis} for the I/O thread to close its channels. */
    static void stop(Threads threads, long waitMillis) {
        threads.loop().stop(waitMillis);
        // Pending idle and close timers belong to connections that are closed by now.
        threads.timers().shutdownNow();
        // Callbacks already running finish on their own; the idle workers end now.
        threads.workers().shutdown();
    }
}
