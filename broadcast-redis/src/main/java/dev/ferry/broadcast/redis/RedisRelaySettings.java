package dev.ferry.broadcast.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.function.Function;

/**
 * The relay's settings, servlet-context init parameters (or Spring properties mapped onto them).
 *
 * @param uri               where Redis is, e.g. {@code redis://127.0.0.1:6379} ({@code rediss://}
 *                          for TLS, with user and password as Lettuce's URIs have them)
 * @param channelPrefix     put before a topic's name to make its Redis channel, so that several
 *                          applications can share one Redis
 * @param maxReconnectDelay the longest wait between two attempts to reach Redis again (they start
 *                          at 100 ms and double)
 */
record RedisRelaySettings(RedisURI uri, String channelPrefix, Duration maxReconnectDelay) {

    static final String URI = "dev.ferry.broadcast.redis.uri";
    static final String CHANNEL_PREFIX = "dev.ferry.broadcast.redis.channelPrefix";
    static final String MAX_RECONNECT_DELAY = "dev.ferry.broadcast.redis.maxReconnectDelay";
    static final String DEFAULT_PREFIX = "ferry:broadcast:";

    /**
     * @return null when no URI is set: the relay is not wanted
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static RedisRelaySettings from(Function<String, String> settings) {
        String uri = settings.apply(URI);
        if (uri == null || uri.isBlank()) {
            return null;
        }
        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + URI + " is not a Redis URI (" + e.getMessage() + ")", e);
        }
        String prefix = settings.apply(CHANNEL_PREFIX);
        String delay = settings.apply(MAX_RECONNECT_DELAY);
        long delayMillis = 2_000;
        if (delay != null && !delay.isBlank()) {
            try {
                delayMillis = Long.parseLong(delay.trim());
            } catch (NumberFormatException e) {
                delayMillis = -1;
            }
            if (delayMillis < 100) {
                throw new IllegalArgumentException("Setting " + MAX_RECONNECT_DELAY
                        + " must be a whole number of milliseconds, at least 100, not '" + delay + "'");
            }
        }
        return new RedisRelaySettings(parsed, prefix == null ? DEFAULT_PREFIX : prefix, Duration.ofMillis(delayMillis));
    }

    /** Where Redis is, for logs and JMX: no user, no password. */
    String broker() {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort()
                + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase());
    }
}
