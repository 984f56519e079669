package dev.ferry.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ferry installed into bases of real Jetty homes as {@code docs/install-jetty.md} says, at server
 * level and inside the WAR, on every Jetty version the build unpacked ({@code ferry.jettyVersions}:
 * the newest by default, 12.0 and 12.1 with {@code -Pcontainers}), in each Jakarta EE environment
 * with WebSocket 2.2's Servlet 6 (ee10 from 12.0, ee11 from 12.1).
 */
class JettyDistributionIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    static Stream<Arguments> environments() {
        return ItSettings.jettyVersions().stream().flatMap(version -> (version.startsWith("12.0.")
                ? Stream.of("ee10") : Stream.of("ee10", "ee11")).map(environment -> Arguments.of(version, environment)));
    }

    @ParameterizedTest(name = "Jetty {0} {1}")
    @MethodSource("environments")
    void ferryAsAJettyModuleTakesConnectionsOverWithDirectIo(String version, String environment) throws Exception {
        Path work = ItSettings.newWorkDirectory("jetty-" + version + "-" + environment + "-server-");
        serve(version, environment, FerryPlacement.SERVER, new SampleWar().writeTo(work), work,
                "direct I/O on Jetty for plain-TCP connections", "direct I/O on Jetty");
    }

    @ParameterizedTest(name = "Jetty {0} {1}")
    @MethodSource("environments")
    void ferryAsAJettyModuleWithDirectIoOffTakesJettysEndPoint(String version, String environment) throws Exception {
        Path work = ItSettings.newWorkDirectory("jetty-" + version + "-" + environment + "-end-point-");
        Path war = new SampleWar().withContextParameter("dev.ferry.directIo", "false").writeTo(work);
        serve(version, environment, FerryPlacement.SERVER, war, work,
                "the Jetty end-point route for every connection (dev.ferry.directIo=false)",
                "Jetty end-point route (dev.ferry.directIo=false)");
    }

    /** A team that cannot change the server: Ferry and the WebSocket API in WEB-INF/lib. */
    @ParameterizedTest(name = "Jetty {0} {1}")
    @MethodSource("environments")
    void ferryInsideTheWarReachesJettysCore(String version, String environment) throws Exception {
        Path work = ItSettings.newWorkDirectory("jetty-" + version + "-" + environment + "-war-");
        Path war = new SampleWar().withFerryInside(ItSettings.ferryJar(), ItSettings.websocketApiJars()).writeTo(work);
        serve(version, environment, FerryPlacement.WAR, war, work,
                "Ferry is inside the WAR and reaches Jetty's core through the server's class loader",
                "direct I/O on Jetty");
    }

    private static void serve(String version, String environment, FerryPlacement placement, Path war, Path work,
            String startDetail, String route) throws Exception {
        JettyInstallation jetty = JettyInstallation.install(ItSettings.jettyHome(version), work.resolve("base"),
                environment, placement, ItSettings.ferryJar(), ItSettings.websocketApiJars(), war);

        List<String> modules = jetty.enabledModules();
        String ferryModule = placement == FerryPlacement.SERVER ? "ferry-" + environment : environment + "-deploy";
        assertTrue(modules.contains(ferryModule) && modules.contains(environment + "-annotations"),
                "Ferry's module (or deployment) and annotation scanning should be enabled: " + modules);
        assertTrue(modules.stream().noneMatch(m -> m.contains("websocket")),
                "no Jetty WebSocket module should be enabled: " + modules);

        try (ServerProcess server = jetty.start()) {
            String info = server.awaitReady(jetty.applicationUri().resolve("info"), START_TIMEOUT);
            boolean jndi = SampleAppChecks.assertInfo(info, environment.equals("ee10") ? "6.0" : "6.1",
                    placement == FerryPlacement.SERVER);
            new SampleAppChecks(jetty.applicationUri()).all(jndi);

            server.close();
            RouteLogLines.assertLogged(server, "jetty/" + version, startDetail, route);
            // Jetty's own format, and java.util.logging's (where System.Logger goes in Jetty).
            assertEquals(List.of(), server.logLinesWith(":WARN :", ":ERROR:", "WARNING:", "SEVERE:"));
        }
    }
}
