package dev.ferry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One task runs every registered check each tick, and only while a check is registered. */
class WatchTest {

    @Test
    void checksRunEveryTickUntilDoneAndTheTaskStopsWithTheLast() {
        ManualScheduler time = new ManualScheduler();
        Watch watch = new Watch(time);
        List<String> seen = new ArrayList<>();
        int[] left = {3};
        watch.add(now -> {
            seen.add("a");
            return --left[0] == 0;
        });
        watch.add(now -> {
            seen.add("b");
            return true;
        });
        assertEquals(1, time.pending(), "one task for both checks");
        time.advance(1);
        assertEquals(List.of("a", "b"), seen);
        time.advance(2);
        assertEquals(List.of("a", "b", "a", "a"), seen);
        assertEquals(0, time.pending(), "nothing registered: the scheduler sleeps");
        watch.add(now -> true);
        assertEquals(1, time.pending(), "a new check starts the task again");
        time.advance(1);
        assertEquals(0, time.pending());
    }

    @Test
    void aStoppedSchedulerLeavesChecksUnrunWithoutFailing() {
        ManualScheduler time = new ManualScheduler();
        time.stop();
        Watch watch = new Watch(time);
        watch.add(now -> {
            throw new AssertionError("ran on a stopped scheduler");
        });
        time.advance(5);
        assertEquals(0, time.pending());
    }
}
