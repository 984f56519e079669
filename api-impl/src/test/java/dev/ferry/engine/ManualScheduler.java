package dev.ferry.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} whose clock moves only when a test says so: {@link #advance} runs, on the
 * test's thread and in time order, every task that has come due, including those the tasks
 * schedule themselves. Timeouts are then asserted exactly, without waiting for them.
 */
public final class ManualScheduler implements Scheduler {

    private record Task(long dueNanos, long order, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
            ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private final Watch watch = new Watch(this);
    private long nowNanos = 1_000_000_000L;
    private long order;
    private boolean stopped;

    @Override
    public Watch watch() {
        return watch;
    }

    @Override
    public synchronized long nanoTime() {
        return nowNanos;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, long delayMillis) {
        if (stopped) {
            return null;
        }
        boolean[] cancelled = {false};
        tasks.add(new Task(nowNanos + TimeUnit.MILLISECONDS.toNanos(delayMillis), order++, task, cancelled));
        return () -> {
            synchronized (this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock on by {@code millis}, running what comes due on the way. */
    public void advance(long millis) {
        long target;
        synchronized (this) {
            target = nowNanos + TimeUnit.MILLISECONDS.toNanos(millis);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueNanos > target) {
                    nowNanos = target;
                    return;
                }
                tasks.poll();
                nowNanos = next.dueNanos;
                if (next.cancelled[0]) {
                    continue;
                }
            }
            next.action.run();
        }
    }

    /** How many tasks wait (cancelled ones not counted). */
    public synchronized int pending() {
        int n = 0;
        for (Task t : tasks) {
            if (!t.cancelled[0]) {
                n++;
            }
        }
        return n;
    }

    /** Like a container's timer after shutdown: nothing more can be scheduled. */
    public synchronized void stop() {
        stopped = true;
        List<Task> none = new ArrayList<>(tasks);
        none.forEach(t -> t.cancelled[0] = true);
        tasks.clear();
    }
}
