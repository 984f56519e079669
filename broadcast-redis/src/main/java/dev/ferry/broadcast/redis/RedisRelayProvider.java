package dev.ferry.broadcast.redis;

import dev.ferry.broadcast.BroadcastRelay;
import dev.ferry.broadcast.BroadcastRelayProvider;
import dev.ferry.broadcast.RelayContext;

/**
 * Relays Ferry's topics through Redis when {@code dev.ferry.broadcast.redis.uri} is set: found by
 * Ferry's servlet bridge when this jar is in the application, or used directly by an embedded
 * server: {@code Topics.of(container).startRelay(new RedisRelayProvider(), settings::get)}.
 *
 * <p>Settings: {@code dev.ferry.broadcast.redis.uri} (e.g. {@code redis://127.0.0.1:6379}),
 * {@code dev.ferry.broadcast.redis.channelPrefix} (default {@code ferry:broadcast:}),
 * {@code dev.ferry.broadcast.redis.maxReconnectDelay} (milliseconds, default 2000).
 */
public final class RedisRelayProvider implements BroadcastRelayProvider {

    @Override
    public BroadcastRelay start(RelayContext context) {
        RedisRelaySettings settings = RedisRelaySettings.from(context::setting);
        return settings == null ? null : RedisRelay.start(context, settings);
    }
}
