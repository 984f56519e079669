package dev.ferry.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ferry installed into a base of a real Jetty 12.1 home, as the README's "Install in Jetty" says. */
class JettyDistributionIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ee10, 6.0", "ee11, 6.1"})
    void servesTheSampleApplicationWithoutJettysWebSocket(String environment, String servletVersion) throws Exception {
        Path work = ItSettings.newWorkDirectory("jetty-" + environment + "-");
        Path war = SampleWar.writeTo(work);
        JettyInstallation jetty = JettyInstallation.install(ItSettings.jettyHome(), work.resolve("base"), environment,
                ItSettings.ferryJar(), ItSettings.websocketApiJars(), war);

        List<String> modules = jetty.enabledModules();
        assertTrue(modules.contains("ferry-" + environment) && modules.contains(environment + "-annotations"),
                "Ferry's module and annotation scanning should be enabled: " + modules);
        assertTrue(modules.stream().noneMatch(m -> m.contains("websocket")),
                "no Jetty WebSocket module should be enabled: " + modules);

        try (ServerProcess server = jetty.start()) {
            String info = server.awaitReady(jetty.applicationUri().resolve("info"), START_TIMEOUT);
            SampleAppChecks.assertInfo(info, servletVersion, true);
            new SampleAppChecks(jetty.applicationUri()).all();

            server.close();
            assertEquals(List.of(), server.logLinesWith(":WARN :", ":ERROR:"));
        }
    }
}
