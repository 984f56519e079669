package dev.ferry.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ferry installed into a real Apache Tomcat 11 distribution, as the README's "Install in Tomcat" says. */
class TomcatDistributionIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void servesTheSampleApplicationWithoutTomcatsWebSocket() throws Exception {
        Path work = ItSettings.newWorkDirectory("tomcat-");
        Path war = SampleWar.writeTo(work);
        TomcatInstallation tomcat = TomcatInstallation.install(
                ItSettings.tomcatDistribution(), work.resolve("tomcat"), ItSettings.ferryJar(), war);
        assertFalse(Files.exists(tomcat.home().resolve("lib/tomcat-websocket.jar")));
        assertTrue(Files.exists(tomcat.home().resolve("lib/websocket-api.jar")));
        assertTrue(Files.exists(tomcat.home().resolve("lib/websocket-client-api.jar")));

        try (ServerProcess server = tomcat.start()) {
            String info = server.awaitReady(tomcat.applicationUri().resolve("info"), START_TIMEOUT);
            SampleAppChecks.assertInfo(info, "6.1", false);
            new SampleAppChecks(tomcat.applicationUri()).all();

            tomcat.shutdown();
            // Tomcat's JVM ends only when no non-daemon thread is left: Ferry must not leave one behind.
            assertTrue(server.awaitExit(STOP_TIMEOUT), "Tomcat did not exit after shutdown.sh:\n" + server.log());
            // Tomcat reports threads or other objects an application left behind as warnings.
            assertEquals(List.of(), server.logLinesWith(" SEVERE [", " WARNING ["));
        }
    }
}
