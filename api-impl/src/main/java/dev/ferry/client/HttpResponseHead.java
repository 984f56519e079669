package dev.ferry.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status line and headers of the server's answer to the opening handshake.
 *
 * @param headers names compare case-insensitively; every line of a repeated header is kept
 */
record HttpResponseHead(int status, String reason, Map<String, List<String>> headers) {

    HttpResponseHead {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** All lines of header {@code name}, empty when absent. */
    List<String> values(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
