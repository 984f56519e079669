package dev.ferry.testsupport;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waiting in tests for a condition rather than for a fixed time: each method looks at the condition
 * every {@link #INTERVAL} until it holds, or until its deadline, and then fails saying what it
 * waited for. The short sleep between looks is the polling interval, not a guess at how long
 * something takes.
 */
public final class Poll {

    /** How often a condition is looked at. */
    public static final Duration INTERVAL = Duration.ofMillis(10);

    /** A condition that may need to call something that throws (a JMX proxy, a socket). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails after {@code timeout} with {@code what} in the message. */
    public static void until(Duration timeout, String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Waited " + timeout + " for " + what);
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /** Returns once {@code actual} gives {@code expected}; fails after {@code timeout} naming both values. */
    public static void untilEquals(Duration timeout, String what, long expected, LongSupplier actual) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last;
        while ((last = actual.getAsLong()) != expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Waited " + timeout + " for " + what + " to be " + expected + "; it is " + last);
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /**
     * Checks that {@code condition} keeps holding for all of {@code window}, failing as soon as it does
     * not. For "nothing more happens": a second close, a late callback. No test can prove that
     * something never happens, so the window is part of what the test asserts.
     */
    public static void holdsFor(Duration window, String what, Condition condition) throws Exception {
        long end = System.nanoTime() + window.toNanos();
        do {
            if (!condition.holds()) {
                throw new AssertionError("No longer true within " + window + ": " + what);
            }
            Thread.sleep(INTERVAL.toMillis());
        } while (System.nanoTime() - end < 0);
        if (!condition.holds()) {
            throw new AssertionError("No longer true within " + window + ": " + what);
        }
    }

    /**
     * The value of {@code value} once it has stayed the same for {@code quiet} (a count that settles
     * after start-up, e.g. a container's open connections); fails if it has not settled within
     * {@code timeout}.
     */
    public static long settled(Duration quiet, Duration timeout, String what, LongSupplier value) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = value.getAsLong();
        long sameSince = System.nanoTime();
        while (System.nanoTime() - sameSince < quiet.toNanos()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Waited " + timeout + " for " + what + " to settle; last value " + last);
            }
            Thread.sleep(INTERVAL.toMillis());
            long now = value.getAsLong();
            if (now != last) {
                last = now;
                sameSince = System.nanoTime();
            }
        }
        return last;
    }
}
