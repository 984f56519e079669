package dev.ferry.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ferry's broadcast settings as Spring properties: {@code ferry.websocket.broadcast.<name>} becomes
 * the servlet-context parameter {@code dev.ferry.broadcast.<name>} (see Ferry's docs,
 * "Scaling out"). Unset properties keep Ferry's defaults. The Redis ones take effect when the
 * application has {@code dev.ferry:ferry-broadcast-redis} on its class path, which Ferry finds by
 * itself; {@code ferry.websocket.broadcast.redis.uri} switches it on.
 */
@ConfigurationProperties(prefix = "ferry.websocket.broadcast")
public class FerryBroadcastProperties {

    /** Broadcast messages that may wait to be written to one subscriber before it counts as slow (default 1024). */
    private Integer maxQueuedMessages;

    /** What happens to a slow subscriber: drop, close-1008 or close-1013 (default drop). */
    private String slowSubscriber;

    /** Threads that write large fan-outs; 0 = one per two CPUs, at least 1, at most 4 (default 0). */
    private Integer flushThreads;

    /** This node's name in logs, JMX and for the application (default: host name and process id). */
    private String nodeName;

    private final Redis redis = new Redis();

    /** Relaying topics to the other nodes through Redis pub/sub. */
    public static class Redis {

        /** Where Redis is, e.g. redis://127.0.0.1:6379; unset, the node broadcasts to itself only. */
        private String uri;

        /** Put before every topic's name to make its Redis channel (default ferry:broadcast:). */
        private String channelPrefix;

        /** The longest wait between two attempts to reach Redis again (default 2s; plain numbers are milliseconds). */
        private Duration maxReconnectDelay;

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public String getChannelPrefix() {
            return channelPrefix;
        }

        public void setChannelPrefix(String channelPrefix) {
            this.channelPrefix = channelPrefix;
        }

        public Duration getMaxReconnectDelay() {
            return maxReconnectDelay;
        }

        public void setMaxReconnectDelay(Duration maxReconnectDelay) {
            this.maxReconnectDelay = maxReconnectDelay;
        }
    }

    /** The properties that are set, as Ferry's servlet-context parameters ({@code dev.ferry.broadcast.*}). */
    public Map<String, String> toInitParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "maxQueuedMessages", maxQueuedMessages);
        put(parameters, "slowSubscriber", slowSubscriber);
        put(parameters, "flushThreads", flushThreads);
        put(parameters, "nodeName", nodeName);
        put(parameters, "redis.uri", redis.uri);
        put(parameters, "redis.channelPrefix", redis.channelPrefix);
        put(parameters, "redis.maxReconnectDelay", redis.maxReconnectDelay == null ? null
                : redis.maxReconnectDelay.toMillis());
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(FerryInitParameters.name("broadcast." + name), value.toString());
        }
    }

    public Integer getMaxQueuedMessages() {
        return maxQueuedMessages;
    }

    public void setMaxQueuedMessages(Integer maxQueuedMessages) {
        this.maxQueuedMessages = maxQueuedMessages;
    }

    public String getSlowSubscriber() {
        return slowSubscriber;
    }

    public void setSlowSubscriber(String slowSubscriber) {
        this.slowSubscriber = slowSubscriber;
    }

    public Integer getFlushThreads() {
        return flushThreads;
    }

    public void setFlushThreads(Integer flushThreads) {
        this.flushThreads = flushThreads;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public Redis getRedis() {
        return redis;
    }
}
