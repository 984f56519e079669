package dev.ferry.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

/**
 * Checks for deadlines too short and too many for a timer each: every check registered is run
 * about every millisecond by one task of the scheduler, until it says it is done. The task runs
 * only while a check is registered, so an idle container's timer sleeps. Used for the hold limit
 * of bursts: a timer per burst would cost a timer-thread wake-up per burst; this costs one per
 * millisecond, whatever the number of bursts.
 */
public final class Watch {

    /** How often the checks run. */
    static final long TICK_MILLIS = 1;

    private final Scheduler scheduler;
    private final ConcurrentLinkedQueue<LongPredicate> checks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean ticking = new AtomicBoolean();

    public Watch(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code check} with the time ({@link Scheduler#nanoTime()}) at every tick until it returns
     * true. Runs on the scheduler's thread; a check must be quick and never block.
     */
    public void add(LongPredicate check) {
        checks.add(check);
        if (ticking.compareAndSet(false, true)) {
            tickLater();
        }
    }

    private void tickLater() {
        if (scheduler.schedule(this::tick, TICK_MILLIS) == null) {
            ticking.set(false); // the container stopped: nothing will be timed any more
        }
    }

    private void tick() {
        long now = scheduler.nanoTime();
        checks.removeIf(check -> check.test(now));
        if (!checks.isEmpty()) {
            tickLater();
            return;
        }
        ticking.set(false);
        // A check added between the look and the flag would wait for the next add: take it up.
        if (!checks.isEmpty() && ticking.compareAndSet(false, true)) {
            tickLater();
        }
    }
}
