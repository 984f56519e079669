package dev.ferry.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerRunTest {

    @Test
    void ownServerScenariosGetAServerEachWithTheirOptions() {
        List<ServerRun> plan = ServerRun.plan(
                List.of("small-echo", "large-echo-fresh", "handshake", "large-echo-pretouch"), "8g");
        assertEquals(3, plan.size());
        assertEquals(List.of("small-echo", "handshake"), plan.get(0).scenarios());
        assertEquals("", plan.get(0).tagSuffix());
        assertEquals(List.of("-Xms8g", "-Xmx8g", "-XX:+UseG1GC"), plan.get(1).jvmOptions());
        assertEquals("-large-echo-fresh", plan.get(1).tagSuffix());
        assertTrue(plan.get(2).jvmOptions().contains("-XX:+AlwaysPreTouch"));
        assertFalse(plan.get(2).appliesTo("bun"), "pre-touch means nothing outside a JVM");
        assertTrue(plan.get(1).appliesTo("bun"));
    }

    @Test
    void loadArgsNameOnlyTheRunsScenarios() {
        ServerRun run = ServerRun.plan(List.of("large-echo-fresh"), "8g").get(0);
        assertEquals(List.of("--warmup", "1", "--scenarios", "large-echo-fresh"),
                run.loadArgs(List.of("--scenarios", "small-echo,large-echo-fresh", "--warmup", "1")));
        assertEquals(List.of("--warmup", "1", "--scenarios", "large-echo-fresh"),
                run.loadArgs(List.of("--scenarios=small-echo", "--warmup", "1")));
    }
}
