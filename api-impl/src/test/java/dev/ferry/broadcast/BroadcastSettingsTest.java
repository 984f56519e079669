package dev.ferry.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dev.ferry.broadcast.* init parameters: defaults, values, and messages naming a wrong one. */
class BroadcastSettingsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        BroadcastSettings s = BroadcastSettings.from(name -> null);
        assertEquals(1024, s.maxQueuedMessages());
        assertEquals(SlowSubscriberPolicy.DROP, s.slowSubscriber());
        assertEquals(0, s.flushThreads());
        assertTrue(s.effectiveFlushThreads() >= 1 && s.effectiveFlushThreads() <= 4);
        assertTrue(s.nodeName().endsWith(":" + ProcessHandle.current().pid()), s.nodeName());
    }

    @Test
    void readsEverySetting() {
        BroadcastSettings s = BroadcastSettings.from(Map.of(
                "dev.ferry.broadcast.maxQueuedMessages", "200",
                "dev.ferry.broadcast.slowSubscriber", " Close-1013 ",
                "dev.ferry.broadcast.flushThreads", "3",
                "dev.ferry.broadcast.nodeName", "node-a")::get);
        assertEquals(new BroadcastSettings(200, SlowSubscriberPolicy.CLOSE_TRY_AGAIN_LATER, 3, "node-a"), s);
        assertEquals(3, s.effectiveFlushThreads());
        assertEquals(SlowSubscriberPolicy.CLOSE_POLICY_VIOLATION, SlowSubscriberPolicy.fromSetting("close-1008"));
        assertEquals(1008, SlowSubscriberPolicy.CLOSE_POLICY_VIOLATION.closeCode());
    }

    @Test
    void aWrongValueIsNamed() {
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> BroadcastSettings.from(Map.of("dev.ferry.broadcast.slowSubscriber", "ignore")::get));
        assertEquals("Setting dev.ferry.broadcast.slowSubscriber must be drop, close-1008 or close-1013, not 'ignore'",
                policy.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> BroadcastSettings.from(Map.of("dev.ferry.broadcast.maxQueuedMessages", "-1")::get));
        assertTrue(number.getMessage().startsWith("Setting dev.ferry.broadcast.maxQueuedMessages must be"),
                number.getMessage());
        assertEquals("Setting dev.ferry.broadcast.maxQueuedMessages must be at least 1", assertThrows(
                IllegalArgumentException.class,
                () -> BroadcastSettings.from(Map.of("dev.ferry.broadcast.maxQueuedMessages", "0")::get)).getMessage());
    }
}
