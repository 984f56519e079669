package dev.ferry.broadcast;

import java.util.Locale;

/**
 * What happens to a subscriber that does not keep up: more broadcast messages wait to be written
 * to it than {@code dev.ferry.broadcast.maxQueuedMessages}, or more bytes than its session's
 * {@code dev.ferry.maxOutboundBytes}. Either way the publisher never waits for it and the other
 * subscribers never notice it; the message it could not take counts as dropped.
 */
public enum SlowSubscriberPolicy {

    /** It misses the message and stays subscribed: it gets later ones once it has caught up. */
    DROP("drop", 0),

    /** Its session is closed with 1008 (policy violation). */
    CLOSE_POLICY_VIOLATION("close-1008", 1008),

    /**
     * Its session is closed with 1013 (try again later): a client that reconnects starts afresh,
     * rather than going on with a gap it cannot see.
     */
    CLOSE_TRY_AGAIN_LATER("close-1013", 1013);

    private final String setting;
    private final int closeCode;

    SlowSubscriberPolicy(String setting, int closeCode) {
        this.setting = setting;
        this.closeCode = closeCode;
    }

    /** The close code it sends; 0 for {@link #DROP}. */
    public int closeCode() {
        return closeCode;
    }

    /** How the setting {@code dev.ferry.broadcast.slowSubscriber} names it. */
    public String setting() {
        return setting;
    }

    /** @throws IllegalArgumentException naming the values allowed */
    public static SlowSubscriberPolicy fromSetting(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (SlowSubscriberPolicy policy : values()) {
            if (policy.setting.equals(wanted)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("must be drop, close-1008 or close-1013, not '" + value + "'");
    }
}
