package dev.ferry.broadcast.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last sequence number seen from each other node. A node publishes through one connection, so
 * Redis hands its messages to every subscriber in the order it numbered them: one that is not
 * newer than the last seen came before, and is dropped. The nodes heard from least recently are
 * forgotten beyond {@link #MAX_ORIGINS} (each restart of a node is a new origin).
 */
final class SeenSequences {

    static final int MAX_ORIGINS = 4096;

    private final Map<Long, Long> last = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    /** Whether {@code sequence} from {@code origin} is new (and records it); false for a message seen before. */
    synchronized boolean firstTime(long origin, long sequence) {
        Long seen = last.get(origin);
        if (seen != null && sequence <= seen) {
            return false;
        }
        last.put(origin, sequence);
        return true;
    }
}
