package dev.ferry.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

    @Test
    void untilReturnsOnceTheConditionHolds() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Poll.until(Duration.ofSeconds(5), "the third look", () -> looks.incrementAndGet() == 3);
        assertEquals(3, looks.get());
    }

    @Test
    void untilFailsAtTheDeadlineSayingWhatItWaitedFor() {
        AssertionError e = assertThrows(AssertionError.class, () -> Poll.until(Duration.ofMillis(50), "pigs to fly", () -> false));
        assertTrue(e.getMessage().contains("pigs to fly"), e.getMessage());
    }

    @Test
    void untilEqualsNamesTheLastValue() {
        AssertionError e = assertThrows(AssertionError.class, () -> Poll.untilEquals(Duration.ofMillis(50), "the count", 2, () -> 7));
        assertTrue(e.getMessage().contains("be 2; it is 7"), e.getMessage());
    }

    @Test
    void holdsForFailsAsSoonAsTheConditionStopsHolding() {
        AtomicInteger looks = new AtomicInteger();
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Poll.holdsFor(Duration.ofSeconds(30), "one close only", () -> looks.incrementAndGet() < 3));
        assertTrue(e.getMessage().contains("one close only"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0, "failed at once, not at the end");
    }

    @Test
    void holdsForLooksForTheWholeWindow() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        long start = System.nanoTime();
        Poll.holdsFor(Duration.ofMillis(100), "always", () -> looks.incrementAndGet() > 0);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(100).toNanos());
        assertTrue(looks.get() >= 2, "looked " + looks + " times");
    }

    @Test
    void settledReturnsTheValueOnceItStopsChanging() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        // Changes on the first five looks, then stays at 5.
        long value = Poll.settled(Duration.ofMillis(50), Duration.ofSeconds(5), "a count",
                () -> Math.min(5, looks.getAndIncrement()));
        assertEquals(5, value);
    }

    @Test
    void settledFailsWhenTheValueNeverSettles() {
        AtomicInteger looks = new AtomicInteger();
        assertThrows(AssertionError.class, () -> Poll.settled(Duration.ofMillis(100), Duration.ofMillis(300), "a counter",
                looks::incrementAndGet));
    }
}
