package dev.ferry.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ferry installed into real Apache Tomcat distributions as {@code docs/install-tomcat.md} says, at
 * server level and inside the WAR, on every Tomcat version the build unpacked
 * ({@code ferry.tomcatVersions}: the newest by default, 10.1 and 11 with {@code -Pcontainers}).
 */
class TomcatDistributionIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String TOMCATS_WEBSOCKET_SWITCHED_OFF = "has switched Tomcat's WebSocket filter off";

    static Stream<String> versions() {
        return ItSettings.tomcatVersions().stream();
    }

    @ParameterizedTest(name = "Tomcat {0}")
    @MethodSource("versions")
    void ferryInTomcatsLibTakesConnectionsOverWithDirectIo(String version) throws Exception {
        Path work = ItSettings.newWorkDirectory("tomcat-" + version + "-server-");
        TomcatInstallation tomcat = TomcatInstallation.install(ItSettings.tomcatDistribution(version),
                work.resolve("tomcat"), FerryPlacement.SERVER, ItSettings.ferryJar(), new SampleWar().writeTo(work));
        assertFalse(Files.exists(tomcat.home().resolve("lib/tomcat-websocket.jar")));
        assertTrue(Files.exists(tomcat.home().resolve("lib/websocket-api.jar")));
        assertTrue(Files.exists(tomcat.home().resolve("lib/websocket-client-api.jar")));
        serve(tomcat, version, "direct I/O on Tomcat NIO for plain-TCP connections", "direct I/O on Tomcat NIO",
                List.of());
    }

    @ParameterizedTest(name = "Tomcat {0}")
    @MethodSource("versions")
    void ferryInTomcatsLibWithDirectIoOffTakesTheServletUpgrade(String version) throws Exception {
        Path work = ItSettings.newWorkDirectory("tomcat-" + version + "-servlet-upgrade-");
        Path war = new SampleWar().withContextParameter("dev.ferry.directIo", "false").writeTo(work);
        TomcatInstallation tomcat = TomcatInstallation.install(ItSettings.tomcatDistribution(version),
                work.resolve("tomcat"), FerryPlacement.SERVER, ItSettings.ferryJar(), war);
        serve(tomcat, version, "every connection takes the servlet upgrade (dev.ferry.directIo=false)",
                "servlet upgrade (dev.ferry.directIo=false)", List.of());
    }

    /**
     * A team that cannot change the server: Tomcat keeps its own WebSocket, both initializers run,
     * and Ferry switches Tomcat's off for the application, saying so and how to avoid it.
     */
    @ParameterizedTest(name = "Tomcat {0}")
    @MethodSource("versions")
    void ferryInsideTheWarServesItOnAnUnchangedTomcat(String version) throws Exception {
        Path work = ItSettings.newWorkDirectory("tomcat-" + version + "-war-");
        Path war = new SampleWar().withFerryInside(ItSettings.ferryJar(), ItSettings.websocketApiJars()).writeTo(work);
        TomcatInstallation tomcat = TomcatInstallation.install(ItSettings.tomcatDistribution(version),
                work.resolve("tomcat"), FerryPlacement.WAR, ItSettings.ferryJar(), war);
        assertTrue(Files.exists(tomcat.home().resolve("lib/tomcat-websocket.jar")));
        serve(tomcat, version, "direct I/O on Tomcat NIO for plain-TCP connections", "direct I/O on Tomcat NIO",
                List.of(TOMCATS_WEBSOCKET_SWITCHED_OFF));
    }

    /** The same WAR with the META-INF/context.xml that Ferry's warning suggests: no warning then. */
    @ParameterizedTest(name = "Tomcat {0}")
    @MethodSource("versions")
    void ferryInsideAWarThatKeepsTomcatsWebSocketFromStarting(String version) throws Exception {
        Path work = ItSettings.newWorkDirectory("tomcat-" + version + "-war-sci-filter-");
        Path war = new SampleWar().withFerryInside(ItSettings.ferryJar(), ItSettings.websocketApiJars())
                .withTomcatContextXml("containerSciFilter=\"org\\.apache\\.tomcat\\.websocket\\.server\\.WsSci\"")
                .writeTo(work);
        TomcatInstallation tomcat = TomcatInstallation.install(ItSettings.tomcatDistribution(version),
                work.resolve("tomcat"), FerryPlacement.WAR, ItSettings.ferryJar(), war);
        serve(tomcat, version, "direct I/O on Tomcat NIO for plain-TCP connections", "direct I/O on Tomcat NIO",
                List.of());
    }

    /**
     * Starts Tomcat, runs the sample application's checks, stops Tomcat, and checks its log.
     *
     * @param warnings a part of each warning (or error) line Tomcat's log must have, and no other
     */
    private static void serve(TomcatInstallation tomcat, String version, String startDetail, String route,
            List<String> warnings) throws Exception {
        try (ServerProcess server = tomcat.start()) {
            String info = server.awaitReady(tomcat.applicationUri().resolve("info"), START_TIMEOUT);
            boolean jndi = SampleAppChecks.assertInfo(info, version.startsWith("10.1.") ? "6.0" : "6.1", false);
            assertTrue(jndi, "Tomcat binds the application's JNDI context for its request threads");
            new SampleAppChecks(tomcat.applicationUri()).all(jndi);

            tomcat.shutdown();
            // Tomcat's JVM ends only when no non-daemon thread is left: Ferry must not leave one behind.
            assertTrue(server.awaitExit(STOP_TIMEOUT), "Tomcat did not exit after shutdown.sh:\n" + server.log());
            RouteLogLines.assertLogged(server, "Apache Tomcat/" + version, startDetail, route);
            // Tomcat reports threads or other objects an application left behind as warnings.
            List<String> logged = server.logLinesWith(" SEVERE [", " WARNING [");
            assertEquals(warnings.size(), logged.size(), () -> "warnings and errors in Tomcat's log: " + logged);
            for (int i = 0; i < warnings.size(); i++) {
                assertTrue(logged.get(i).contains(warnings.get(i)), logged.get(i));
            }
        }
    }
}
