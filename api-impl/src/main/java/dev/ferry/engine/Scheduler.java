package dev.ferry.engine;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock and timer a connection runs its timeouts on (idle, close handshake, keep-alive
 * pings, send deadlines). Containers give every connection theirs; tests give one whose time
 * they move themselves, so timeouts are asserted without waiting for them.
 */
public interface Scheduler {

    /** Now, in nanoseconds on a monotonic clock (as {@link System#nanoTime()}). */
    long nanoTime();

    /**
     * Runs {@code task} once after {@code delayMillis}.
     *
     * @return how to cancel it, or {@code null} when the scheduler has stopped (the container shut
     *         down): the caller decides what a timeout that will never come means
     */
    Cancellable schedule(Runnable task, long delayMillis);

    /** The shared watch over short deadlines of this scheduler's connections (one per scheduler). */
    Watch watch();

    /** A scheduled task that has not run yet can be cancelled; cancelling later does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** The system clock and {@code timer}'s threads. */
    static Scheduler of(ScheduledExecutorService timer) {
        return new Scheduler() {
            private final Watch watch = new Watch(this);

            @Override
            public Watch watch() {
                return watch;
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Cancellable schedule(Runnable task, long delayMillis) {
                try {
                    ScheduledFuture<?> future = timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                    return () -> future.cancel(false);
                } catch (RejectedExecutionException stopped) {
                    return null;
                }
            }
        };
    }
}
