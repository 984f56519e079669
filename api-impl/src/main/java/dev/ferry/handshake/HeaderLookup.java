package dev.ferry.handshake;

import java.util.List;
import java.util.Map;

/**
 * Finds a header's lines in a header map by name, ignoring case.
 *
 * <p>{@code UpgradeRequest} promises case-insensitive keys, but maps handed over by tests or
 * configurators may be plain hash maps; falling back to a scan keeps every caller correct
 * without each one having to know which kind of map it got.
 */
public final class HeaderLookup {

    private HeaderLookup() {
    }

    /** All lines of header {@code name}, or an empty list when it is absent. */
    public static List<String> values(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return List.of();
        }
        List<String> direct = headers.get(name);
        if (direct != null) {
            return direct;
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
                return entry.getValue();
            }
        }
        return List.of();
    }
}
