package dev.ferry.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NoiseFilterTest {

    @Test
    void dropsTheFiguresOfNoisyScenariosButKeepsErrorsAndCounts() {
        List<Metric> kept = NoiseFilter.clean(List.of(
                new Metric("small-echo", "msgs_per_s", 100, "msg/s"),
                new Metric("small-echo", "other_cpu_pct", 40, "%"),
                new Metric("small-echo", "errors", 0, "count"),
                new Metric("handshake", "per_s", 5, "handshakes/s"),
                new Metric("handshake", "other_cpu_pct", 2, "%")), 10);
        assertEquals(List.of("small-echo errors", "handshake per_s", "handshake other_cpu_pct",
                "small-echo noisy_rounds=1.0", "handshake noisy_rounds=0.0"), names(kept));
    }

    @Test
    void manyConnectionsKeepsItsMemoryFiguresWhenOnlyAPhaseWasNoisy() {
        List<Metric> kept = NoiseFilter.clean(List.of(
                new Metric("many-connections", "open_s", 9, "s"),
                new Metric("many-connections", "open_other_cpu_pct", 50, "%"),
                new Metric("many-connections", "heap_per_conn", 4000, "bytes"),
                new Metric("many-connections", "active_msgs_per_s", 80, "msg/s"),
                new Metric("many-connections", "active_other_cpu_pct", 1, "%")), 10);
        assertEquals(List.of("many-connections heap_per_conn", "many-connections active_msgs_per_s",
                "many-connections active_other_cpu_pct", "many-connections noisy_rounds=1.0"), names(kept));
    }

    private static List<String> names(List<Metric> metrics) {
        return metrics.stream()
                .map(m -> m.scenario() + " " + m.name() + (m.name().equals("noisy_rounds") ? "=" + m.value() : ""))
                .collect(Collectors.toList());
    }
}
