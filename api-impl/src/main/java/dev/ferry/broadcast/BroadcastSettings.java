package dev.ferry.broadcast;

import java.util.function.Function;

/**
 * How a server container broadcasts, read from servlet-context init parameters named
 * {@code dev.ferry.broadcast.<name>} (see docs/scaling-out.md).
 *
 * @param maxQueuedMessages broadcast messages that may wait to be written to one subscriber
 *                          before it counts as slow
 * @param slowSubscriber    what happens to a slow subscriber (a subscription may say otherwise)
 * @param flushThreads      threads that write large fan-outs ({@code ferry-broadcast-N}); 0 = one
 *                          per two cores, at least 1 and at most 4
 * @param nodeName          this node's name in logs, JMX and for applications (e.g. in a welcome
 *                          message); by default the host name and the process id
 */
public record BroadcastSettings(int maxQueuedMessages, SlowSubscriberPolicy slowSubscriber, int flushThreads,
        String nodeName) {

    public static final String PREFIX = "dev.ferry.broadcast.";

    public BroadcastSettings {
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be at least 1, not " + maxQueuedMessages);
        }
        if (flushThreads < 0) {
            throw new IllegalArgumentException("flushThreads must not be negative, not " + flushThreads);
        }
        if (slowSubscriber == null || nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("slowSubscriber and nodeName are required");
        }
    }

    public static BroadcastSettings defaults() {
        return new BroadcastSettings(1024, SlowSubscriberPolicy.DROP, 0, defaultNodeName());
    }

    /**
     * Reads each setting through {@code lookup} (given the full name; {@code null} keeps the default).
     *
     * @throws IllegalArgumentException naming the setting whose value is wrong
     */
    public static BroadcastSettings from(Function<String, String> lookup) {
        BroadcastSettings d = defaults();
        String node = lookup.apply(PREFIX + "nodeName");
        int maxQueued = number(lookup, "maxQueuedMessages", d.maxQueuedMessages);
        if (maxQueued < 1) {
            throw new IllegalArgumentException("Setting " + PREFIX + "maxQueuedMessages must be at least 1");
        }
        return new BroadcastSettings(maxQueued, policy(lookup, d.slowSubscriber),
                number(lookup, "flushThreads", d.flushThreads), node == null || node.isBlank() ? d.nodeName : node.trim());
    }

    private static SlowSubscriberPolicy policy(Function<String, String> lookup, SlowSubscriberPolicy fallback) {
        String value = lookup.apply(PREFIX + "slowSubscriber");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return SlowSubscriberPolicy.fromSetting(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting " + PREFIX + "slowSubscriber " + e.getMessage(), e);
        }
    }

    /** {@link #flushThreads} as set, or one per two cores (at least 1, at most 4) when 0. */
    public int effectiveFlushThreads() {
        return flushThreads > 0 ? Math.min(flushThreads, 64)
                : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
    }

    private static int number(Function<String, String> lookup, String name, int fallback) {
        String value = lookup.apply(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Setting " + PREFIX + name + " must be a non-negative whole number, not '"
                + value + "'");
    }

    /** The host name (from the environment, so no name lookup can stall a start) and the process id. */
    private static String defaultNodeName() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "localhost" : host) + ":" + ProcessHandle.current().pid();
    }
}
