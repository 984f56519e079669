package dev.ferry.benchmarks.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses to start a server whose class path holds a WebSocket implementation other than the one
 * it is meant to measure: with two on the class path, which one serves depends on
 * initialisation order, and the results would be attributed to the wrong implementation.
 */
final class ClassPathGuard {

    /** A class that only each implementation has. */
    private static final Map<String, String> MARKERS = Map.of(
            "ferry", "dev.ferry.servlet.FerryServletContainerInitializer",
            "tomcat", "org.apache.tomcat.websocket.server.WsSci",
            "jetty", "org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer");

    private ClassPathGuard() {
    }

    /** @param implementation {@code ferry}, {@code tomcat}, {@code jetty}, or {@code none} for no implementation */
    static void requireOnly(String implementation) {
        boolean none = implementation.equals("none");
        if (!none && !MARKERS.containsKey(implementation)) {
            throw new IllegalArgumentException("Unknown WebSocket implementation: " + implementation);
        }
        List<String> present = new ArrayList<>();
        for (Map.Entry<String, String> marker : MARKERS.entrySet()) {
            if (isPresent(marker.getValue())) {
                present.add(marker.getKey());
            }
        }
        if (!present.equals(none ? List.of() : List.of(implementation))) {
            throw new IllegalStateException("Expected " + (none ? "no" : "exactly the " + implementation)
                    + " WebSocket implementation on the class path, found " + present);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ClassPathGuard.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
