package dev.ferry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.broadcast.BroadcastSettings;
import dev.ferry.broadcast.SlowSubscriberPolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** ferry.websocket.broadcast.* as Spring binds them, turned into Ferry's broadcast and Redis settings. */
class FerryBroadcastPropertiesTest {

    private static FerryBroadcastProperties bind(Map<String, Object> values) {
        Map<String, Object> source = new HashMap<>();
        values.forEach((name, value) -> source.put("ferry.websocket.broadcast." + name, value));
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("ferry.websocket.broadcast", FerryBroadcastProperties.class);
    }

    @Test
    void unsetPropertiesKeepFerrysDefaults() {
        assertTrue(bind(Map.of()).toInitParameters().isEmpty());
    }

    @Test
    void everyPropertyBecomesFerrysParameter() {
        FerryBroadcastProperties all = bind(Map.of(
                "max-queued-messages", "256", "slow-subscriber", "close-1013", "flush-threads", "2",
                "node-name", "node-a", "redis.uri", "redis://10.0.0.5:6379", "redis.channel-prefix", "shop:",
                "redis.max-reconnect-delay", "5s"));
        Map<String, String> parameters = all.toInitParameters();
        assertEquals(Map.of(
                "dev.ferry.broadcast.maxQueuedMessages", "256",
                "dev.ferry.broadcast.slowSubscriber", "close-1013",
                "dev.ferry.broadcast.flushThreads", "2",
                "dev.ferry.broadcast.nodeName", "node-a",
                "dev.ferry.broadcast.redis.uri", "redis://10.0.0.5:6379",
                "dev.ferry.broadcast.redis.channelPrefix", "shop:",
                "dev.ferry.broadcast.redis.maxReconnectDelay", "5000"), parameters);
        assertEquals(new BroadcastSettings(256, SlowSubscriberPolicy.CLOSE_TRY_AGAIN_LATER, 2, "node-a"),
                BroadcastSettings.from(parameters::get), "what Ferry reads from them");
    }
}
