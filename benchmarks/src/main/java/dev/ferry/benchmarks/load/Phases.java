package dev.ferry.benchmarks.load;

import java.util.concurrent.TimeUnit;

/** Warm-up and measurement lengths shared by the timed scenarios. */
record Phases(double warmupSeconds, double measureSeconds) {

    long warmupNanos() {
        return (long) (warmupSeconds * TimeUnit.SECONDS.toNanos(1));
    }

    long measureNanos() {
        return (long) (measureSeconds * TimeUnit.SECONDS.toNanos(1));
    }
}
