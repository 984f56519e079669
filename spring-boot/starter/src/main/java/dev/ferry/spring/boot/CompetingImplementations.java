package dev.ferry.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The embedded containers' own WebSocket implementations, which Boot's starters bring along. With
 * one of them on the class path Ferry would not be the only implementation: Boot would start it
 * too, and Spring Framework 6.2 picks a container-specific upgrade strategy when it sees Tomcat's
 * or Jetty's classes and casts the server container to theirs. So the application fails at start
 * with the exclusion to make, rather than running with two implementations.
 */
final class CompetingImplementations {

    static final String DOCS = "docs/spring-boot.md in Ferry's repository";

    /** A class of each implementation, and what to exclude to remove it. */
    private static final Map<String, String> MARKERS = markers();

    private CompetingImplementations() {
    }

    private static Map<String, String> markers() {
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put("org.apache.tomcat.websocket.server.WsSci",
                "org.apache.tomcat.embed:tomcat-embed-websocket (from spring-boot-starter-tomcat)");
        for (String ee : List.of("ee10", "ee11")) {
            String group = "org.eclipse.jetty." + ee + ".websocket";
            markers.put(group + ".jakarta.server.config.JakartaWebSocketServletContainerInitializer",
                    group + ":jetty-" + ee + "-websocket-jakarta-server (from spring-boot-starter-jetty)");
            // Spring 6.2 picks its Jetty strategy when it sees this one.
            markers.put(group + ".server.JettyWebSocketServerContainer",
                    group + ":jetty-" + ee + "-websocket-jetty-server (from spring-boot-starter-jetty)");
        }
        return markers;
    }

    /** What to exclude, one entry per implementation whose marker class is {@code present}; empty when none. */
    static List<String> found(Predicate<String> present) {
        return MARKERS.entrySet().stream()
                .filter(marker -> present.test(marker.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Fails when another implementation is visible through {@code loader}, naming the dependencies to exclude. */
    static void check(ClassLoader loader) {
        check(name -> isPresent(name, loader));
    }

    static void check(Predicate<String> present) {
        List<String> competing = found(present);
        if (!competing.isEmpty()) {
            throw new IllegalStateException("Ferry WebSocket is on the class path together with the servlet"
                    + " container's own WebSocket implementation. Exclude " + String.join("; ", competing)
                    + ", or set ferry.websocket.enabled=false to keep the container's. See " + DOCS + ".");
        }
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
