package dev.ferry.session;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The container's timer, seen from a session. Once the container has shut down its timer, a
 * session that still lives (its peer never answered the last close) gets no more timeouts; the
 * caller decides what that means instead of failing with {@link RejectedExecutionException}.
 */
final class Timers {

    private Timers() {
    }

    /** Schedules {@code task}, or returns {@code null} when the timer has stopped. */
    static ScheduledFuture<?> schedule(ScheduledExecutorService timers, Runnable task, long delayMillis) {
        try {
            return timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            return null;
        }
    }
}
