package dev.ferry.servlet;

import java.util.concurrent.Executor;

/**
 * Runs tasks on a container's threads with the web application's class loader as the context
 * class loader: endpoint callbacks expect it (ServiceLoader, JNDI, logging), as they get it in
 * the container's own request threads.
 */
public final class ApplicationExecutor implements Executor {

    private final Executor threads;
    private final ClassLoader applicationLoader;

    public ApplicationExecutor(Executor threads, ClassLoader applicationLoader) {
        this.threads = threads;
        this.applicationLoader = applicationLoader;
    }

    @Override
    public void execute(Runnable task) {
        threads.execute(() -> runWith(applicationLoader, task));
    }

    /** Runs {@code task} on this thread with {@code loader} as its context class loader. */
    public static void runWith(ClassLoader loader, Runnable task) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            task.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
