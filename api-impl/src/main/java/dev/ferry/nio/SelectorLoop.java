package dev.ferry.nio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One I/O thread of a Ferry container (the client's, or the server's for connections it took
 * over from the servlet container): a {@link Selector} loop that also runs tasks handed to
 * it. Every channel operation and every state change of a channel happens here, so channel state
 * needs no locks; other threads only {@link #execute} tasks.
 *
 * <p>Nothing here may block: handlers do non-blocking channel calls and return.
 */
public final class SelectorLoop implements Executor {

    private static final System.Logger LOG = System.getLogger(SelectorLoop.class.getName());
    private static final int READ_BUFFER_SIZE = 64 * 1024;

    /** What a registered channel's attachment must be. */
    interface Handler {
        /** The channel is ready for the operations of {@code key.readyOps()}. */
        void onReady(SelectionKey key);

        /** Close the channel at once and report it closed: the loop stops, or handling it failed. */
        void abort(Throwable cause);
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private volatile boolean terminated;
    /** Shared by every channel of this loop: reads happen one at a time, on this thread. */
    private ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_SIZE);
    /** Where this loop's reads go to the workers; 32 free buffers (2 MiB) at most. */
    private final HandOffBuffers handOffBuffers = new HandOffBuffers(READ_BUFFER_SIZE, 32);

    public SelectorLoop(String threadName) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public Thread thread() {
        return thread;
    }

    /**
     * Runs {@code task} on the loop thread, after the current iteration.
     *
     * @throws RejectedExecutionException once the loop has ended
     */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (terminated && tasks.remove(task)) {
            throw new RejectedExecutionException("The Ferry I/O thread has stopped");
        }
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    /**
     * The loop's read buffer, cleared, with room for at least {@code minSize} bytes. Loop thread
     * only; valid until the next call.
     */
    ByteBuffer readBuffer(int minSize) {
        if (readBuffer.capacity() < minSize) {
            readBuffer = ByteBuffer.allocate(minSize);
        }
        return readBuffer.clear();
    }

    HandOffBuffers handOffBuffers() {
        return handOffBuffers;
    }

    /** Registers {@code channel}; call on the loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        return channel.register(selector, ops, handler);
    }

    /** Stops the loop, closing every channel still registered, and waits up to {@code waitMillis} for it. */
    public void stop(long waitMillis) {
        stopping = true;
        selector.wakeup();
        if (!inLoop() && thread.isAlive()) {
            try {
                thread.join(TimeUnit.MILLISECONDS.toMillis(Math.max(1, waitMillis)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!stopping) {
                runTasks();
                // A task queued by another thread after this check wakes the select up at once.
                if (tasks.isEmpty()) {
                    selector.select();
                } else {
                    selector.selectNow();
                }
                dispatchSelected();
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.log(Level.ERROR, "The Ferry I/O loop failed; closing its connections", e);
        } finally {
            closeEverything();
        }
    }

    private void runTasks() {
        // Only the tasks present now: a task that queues another must not starve the selector.
        for (int n = tasks.size(); n > 0; n--) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "A task on a Ferry I/O thread failed", e);
            }
        }
    }

    private void dispatchSelected() {
        Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
        while (selected.hasNext()) {
            SelectionKey key = selected.next();
            selected.remove();
            if (!key.isValid()) {
                continue;
            }
            Handler handler = (Handler) key.attachment();
            try {
                handler.onReady(key);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Handling I/O of " + handler + " failed; closing it", e);
                handler.abort(new IOException("Internal failure on the I/O thread", e));
            }
        }
    }

    /**
     * Runs what is queued (registrations among it), then closes every channel and the selector.
     * Tasks that raced with the end still run, here, on this thread; later ones are rejected.
     */
    private void closeEverything() {
        runTasks();
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            try {
                ((Handler) key.attachment()).abort(new IOException("The WebSocket container was shut down"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing a connection at shutdown failed", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing the selector failed", e);
        }
        terminated = true;
        runTasks();
    }
}
