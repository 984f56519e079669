package dev.ferry.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One server start within a round: which scenarios run against it and with which JVM options.
 * Most scenarios share one server, started with {@code -Xmx<heap>}; each scenario of
 * {@link LoadGenerator#OWN_SERVER_SCENARIOS} gets a server of its own:
 * <ul>
 * <li>{@code large-echo-fresh}: {@code -Xms<heap> -Xmx<heap>}, the large echo being the first
 * thing the JVM does, so its heap is committed but its pages are touched for the first time by
 * the messages themselves;
 * <li>{@code large-echo-pretouch}: the same with {@code -XX:+AlwaysPreTouch} (JVMs only);
 * <li>{@code many-connections}: {@code -Xmx<heap>}, and the system property that raises
 * Tomcat's connection limit ({@code maxConnections}, 8,192 by default).
 * </ul>
 */
record ServerRun(List<String> scenarios, List<String> jvmOptions, boolean jvmOnly) {

    /** The runs for the scenarios asked for, in the order asked (the shared server first). */
    static List<ServerRun> plan(List<String> scenarios, String heap) {
        List<ServerRun> runs = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (String s : scenarios) {
            if (!LoadGenerator.OWN_SERVER_SCENARIOS.contains(s)) {
                shared.add(s);
            }
        }
        if (!shared.isEmpty()) {
            runs.add(new ServerRun(shared, List.of("-Xmx" + heap, "-XX:+UseG1GC"), false));
        }
        for (String s : scenarios) {
            switch (s) {
                case "large-echo-fresh" -> runs.add(new ServerRun(List.of(s),
                        List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC"), false));
                case "large-echo-pretouch" -> runs.add(new ServerRun(List.of(s),
                        List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"), true));
                case "many-connections" -> runs.add(new ServerRun(List.of(s),
                        List.of("-Xmx" + heap, "-XX:+UseG1GC", "-Dferry.bench.maxConnections=-1"), false));
                default -> {
                    // on the shared server
                }
            }
        }
        return runs;
    }

    boolean appliesTo(String flavour) {
        return !jvmOnly || ServerCommand.isJvm(flavour);
    }

    /** Appended to the round's tag in log file names: empty for the shared server. */
    String tagSuffix() {
        return scenarios.size() == 1 && LoadGenerator.OWN_SERVER_SCENARIOS.contains(scenarios.get(0))
                ? "-" + scenarios.get(0) : "";
    }

    /** The load generator's flags with {@code --scenarios} replaced by this run's. */
    List<String> loadArgs(List<String> all) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String a = all.get(i);
            if (a.equals("--scenarios")) {
                i++; // and its value
            } else if (!a.startsWith("--scenarios=")) {
                args.add(a);
            }
        }
        args.add("--scenarios");
        args.add(String.join(",", scenarios));
        return args;
    }
}
