package dev.ferry.benchmarks.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Leaves out of the results what was measured while other programs shared the machine: on two
 * cores, another program's build takes CPU time from the server or the load generator, and its
 * figures then say nothing about either. A scenario whose {@code other_cpu_pct} (or
 * {@code active_other_cpu_pct}) in a round exceeds the limit keeps only its {@code errors} of that
 * round, plus a {@code noisy_rounds} count, so that the medians are taken over clean rounds only
 * and the table shows how many rounds were dropped. In many-connections only the figures of the
 * opening ({@code open*}) and of the active phase ({@code active_*}) depend on it: the memory and
 * thread counts are kept.
 */
final class NoiseFilter {

    private NoiseFilter() {
    }

    static List<Metric> clean(List<Metric> metrics, double maxOtherCpuPercent) {
        Set<String> noisy = new HashSet<>();
        for (Metric m : metrics) {
            if (m.name().endsWith("other_cpu_pct") && m.value() > maxOtherCpuPercent) {
                noisy.add(phase(m));
            }
        }
        List<Metric> kept = new ArrayList<>();
        Set<String> scenarios = new LinkedHashSet<>(); // noisy_rounds rows in the order of the scenarios
        for (Metric m : metrics) {
            scenarios.add(m.scenario());
            if (!noisy.contains(phase(m)) || m.name().equals("errors")) {
                kept.add(m);
            }
        }
        for (String scenario : scenarios) {
            if (!scenario.equals("run")) {
                boolean dropped = noisy.contains(scenario) || noisy.contains(scenario + "/active")
                        || noisy.contains(scenario + "/open");
                kept.add(new Metric(scenario, "noisy_rounds", dropped ? 1 : 0, "count"));
            }
        }
        return kept;
    }

    /** What a metric's noise is judged by: its scenario, or a phase of many-connections (opening, active). */
    private static String phase(Metric m) {
        if (m.name().startsWith("active_")) {
            return m.scenario() + "/active";
        }
        return m.name().startsWith("open") ? m.scenario() + "/open" : m.scenario();
    }
}
