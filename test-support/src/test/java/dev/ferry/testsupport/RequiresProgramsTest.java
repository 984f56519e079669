package dev.ferry.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a class marked {@link RequiresPrograms} through JUnit's launcher and looks at the outcome. */
class RequiresProgramsTest {

    /** Counts how often its set-up and test ran. Not run by Maven itself (a nested class). */
    @RequiresPrograms(ExternalProgram.NGINX)
    static class NeedsNginx {
        static final AtomicInteger SETUPS = new AtomicInteger();
        static final AtomicInteger RUNS = new AtomicInteger();

        @BeforeAll
        static void setUp() {
            SETUPS.incrementAndGet();
        }

        @Test
        void runs() {
            RUNS.incrementAndGet();
        }
    }

    /** What the launcher reported for the class. */
    private record Outcome(List<String> skipReasons, List<TestExecutionResult> classResults) {
    }

    private static Outcome run(Map<String, String> parameters) {
        NeedsNginx.SETUPS.set(0);
        NeedsNginx.RUNS.set(0);
        List<String> skipped = new ArrayList<>();
        List<TestExecutionResult> finished = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(NeedsNginx.class))
                .configurationParameters(parameters)
                .build();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skipped.add(reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                boolean theClass = id.getSource().filter(ClassSource.class::isInstance)
                        .map(source -> ((ClassSource) source).getJavaClass() == NeedsNginx.class).orElse(false);
                if (theClass) {
                    finished.add(result);
                }
            }
        });
        return new Outcome(skipped, finished);
    }

    @Test
    void aMissingProgramSkipsTheClassBeforeItsSetUpNamingThePackage() {
        // Explicitly off: the build itself may run with the switch on (CI does), and the launcher
        // would otherwise read it from the system properties.
        Outcome outcome = run(Map.of("ferry.program.nginx", "/nonexistent/nginx", ExternalProgram.REQUIRE_PROPERTY, "false"));
        assertEquals(1, outcome.skipReasons().size(), outcome.toString());
        assertTrue(outcome.skipReasons().get(0).contains("apt-get install nginx"), outcome.skipReasons().get(0));
        assertEquals(0, NeedsNginx.SETUPS.get());
        assertEquals(0, NeedsNginx.RUNS.get());
    }

    @Test
    void withTheSwitchAMissingProgramFailsTheClass() {
        Outcome outcome = run(Map.of("ferry.program.nginx", "/nonexistent/nginx", ExternalProgram.REQUIRE_PROPERTY, "true"));
        assertEquals(List.of(), outcome.skipReasons());
        assertEquals(1, outcome.classResults().size(), outcome.toString());
        TestExecutionResult result = outcome.classResults().get(0);
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        assertTrue(result.getThrowable().orElseThrow().getMessage().contains("apt-get install nginx"), result.toString());
        assertEquals(0, NeedsNginx.RUNS.get());
    }

    @Test
    void anInstalledProgramLetsTheClassRun() throws Exception {
        java.nio.file.Path fake = java.nio.file.Files.createTempFile("fake-nginx", "");
        try {
            fake.toFile().setExecutable(true);
            Outcome outcome = run(Map.of("ferry.program.nginx", fake.toString(), ExternalProgram.REQUIRE_PROPERTY, "true"));
            assertEquals(List.of(), outcome.skipReasons());
            assertEquals(1, NeedsNginx.SETUPS.get());
            assertEquals(1, NeedsNginx.RUNS.get());
        } finally {
            java.nio.file.Files.delete(fake);
        }
    }
}
