package dev.ferry.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files the build prepared for the integration tests, passed in as system properties by the pom. */
final class ItSettings {

    private ItSettings() {
    }

    /** The jar users install: {@code ferry-<version>.jar}. */
    static Path ferryJar() {
        return existing("ferry.jar");
    }

    /** The unpacked {@code org.apache.tomcat:tomcat} distribution of {@code version}; never modified, tests copy it. */
    static Path tomcatDistribution(String version) {
        return existing(Path.of(required("ferry.itServers")).resolve("apache-tomcat-" + version), "ferry.itServers");
    }

    /** The unpacked {@code org.eclipse.jetty:jetty-home} of {@code version}; used as JETTY_HOME as it is. */
    static Path jettyHome(String version) {
        return existing(Path.of(required("ferry.itServers")).resolve("jetty-home-" + version), "ferry.itServers");
    }

    /** The Tomcat versions the build unpacked for the tests (the pom's, more with {@code -Pcontainers}). */
    static List<String> tomcatVersions() {
        return versions("ferry.tomcatVersions");
    }

    /** The Jetty versions the build unpacked for the tests (the pom's, more with {@code -Pcontainers}). */
    static List<String> jettyVersions() {
        return versions("ferry.jettyVersions");
    }

    /** The directory holding Ferry's Jetty module files ({@code ferry-ee10.mod}, {@code ferry-ee11.mod}). */
    static Path jettyModules() {
        return existing("ferry.jettyModules");
    }

    /** {@code jakarta.websocket-api} and {@code jakarta.websocket-client-api} 2.2.0. */
    static List<Path> websocketApiJars() throws IOException {
        try (Stream<Path> jars = Files.list(existing("ferry.websocketApiJars"))) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (found.size() != 2) {
                throw new IllegalStateException("expected the two jakarta.websocket API jars, found " + found);
            }
            return found;
        }
    }

    /** A fresh directory under target/ for one server run; kept after the run for its logs. */
    static Path newWorkDirectory(String prefix) throws IOException {
        Path root = Path.of(required("ferry.itWork"));
        Files.createDirectories(root);
        return Files.createTempDirectory(root, prefix);
    }

    /** The JDK running the tests, which also runs the servers. */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static List<String> versions(String property) {
        return Stream.of(required(property).split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static Path existing(String property) {
        return existing(Path.of(required(property)), property);
    }

    private static Path existing(Path path, String property) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points at " + path + ", which does not exist;"
                    + " run the tests through 'mvn verify', which builds and unpacks it");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set;"
                    + " run the tests through 'mvn verify'");
        }
        return value;
    }
}
