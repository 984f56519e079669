package dev.ferry.servlet;

import dev.ferry.nio.CallbackContext;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of Ferry's own for one web application's endpoint callbacks, where the container calls
 * them on threads that must not wait and its own worker pool is out of reach (see
 * {@link UndertowSupport}). Started with the first task, each task run with the application's class
 * loader as context class loader; idle threads end after a minute, and all of them when the
 * application stops ({@link #close}).
 */
final class OwnCallbackThreads implements Executor, AutoCloseable {

    /** As many as Undertow's own worker pool has by default on a small machine, more on a larger one. */
    private static final int THREADS = Math.max(16, 8 * Runtime.getRuntime().availableProcessors());

    private final String namePrefix;
    private final CallbackContext application;
    private ThreadPoolExecutor pool;
    private boolean closed;

    /** @param applicationName how thread names say whose threads they are, e.g. {@code /chat} */
    OwnCallbackThreads(String applicationName, ClassLoader applicationLoader) {
        this.namePrefix = "ferry-callback" + (applicationName.equals("/") ? "" : applicationName) + "-";
        this.application = CallbackContext.classLoader(applicationLoader);
    }

    @Override
    public void execute(Runnable task) {
        pool().execute(() -> {
            Object saved = application.enter();
            try {
                task.run();
            } finally {
                application.exit(saved);
            }
        });
    }

    private synchronized ThreadPoolExecutor pool() {
        if (closed) {
            throw new RejectedExecutionException("The web application has stopped");
        }
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory threads = task -> {
                Thread t = new Thread(task, namePrefix + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /** Lets the tasks already queued run (the sessions' last callbacks), then ends the threads. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.shutdown();
        }
    }
}
