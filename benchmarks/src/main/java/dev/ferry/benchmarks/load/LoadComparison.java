package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the load comparison: for each round, each server flavour in turn (A B C D, A B C D, ...),
 * a fresh server JVM (or Bun process) pinned to one CPU and a fresh {@link LoadGenerator} JVM
 * pinned to the other, then prints the median of every metric per flavour and its ratio to the
 * reference flavour (Netty's by default).
 *
 * <p>The scenarios run one after another against one server, except those of
 * {@link LoadGenerator#OWN_SERVER_SCENARIOS}, each of which gets a server started for it alone
 * ({@link ServerRun}).
 *
 * <p>{@code LoadComparison [--rounds 3] [--servers a,b] [--reference netty] [--server-cpu 0]
 * [--load-cpu 1] [--server-heap 8g] [--benchmarks-dir DIR] [--bun PATH] [--max-run-seconds 300]
 * [--ferry-init-params a=b,c=d] [--results target/load-results.md] [--max-other-cpu 10]
 * [-- load generator flags]}
 * (the results file relative to the benchmarks directory). {@code --ferry-init-params} become
 * context init parameters of the Ferry flavours only.
 */
public final class LoadComparison {

    static final String DEFAULT_SERVERS = "ferry-tomcat,ferry-jetty,tomcat,jetty,netty,bun";

    private LoadComparison() {
    }

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--");
        String[] own = split < 0 ? args : Arrays.copyOfRange(args, 0, split);
        List<String> loadArgs = split < 0 ? List.of() : List.of(Arrays.copyOfRange(args, split + 1, args.length));
        Flags flags = new Flags(own);
        int rounds = flags.integer("rounds", 3);
        List<String> servers = flags.list("servers", DEFAULT_SERVERS);
        String reference = flags.string("reference", servers.contains("netty") ? "netty" : servers.get(0));
        int serverCpu = flags.integer("server-cpu", 0);
        int loadCpu = flags.integer("load-cpu", 1);
        String serverHeap = flags.string("server-heap", "8g");
        Path dir = Path.of(flags.string("benchmarks-dir", "benchmarks")).toAbsolutePath();
        Path bun = Path.of(flags.string("bun", dir.resolve("target/bun/node_modules/.bin/bun").toString()));
        long maxRunSeconds = flags.integer("max-run-seconds", 300);
        double maxOtherCpu = flags.decimal("max-other-cpu", 10);
        String ferryInitParams = flags.string("ferry-init-params", "");
        Path out = dir.resolve(flags.string("results", "target/load-results.md"));
        flags.rejectUnknown();
        Flags loadFlags = new Flags(loadArgs.toArray(String[]::new));
        LoadGenerator.scenarios(loadFlags); // fail fast on bad load flags
        List<ServerRun> plan = ServerRun.plan(loadFlags.list("scenarios", LoadGenerator.ALL_SCENARIOS), serverHeap);

        Path logs = Files.createDirectories(dir.resolve("target/load-logs"));
        ResultTable table = new ResultTable(servers, reference);
        long start = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            for (String server : servers) {
                for (ServerRun run : plan) {
                    if (!run.appliesTo(server)) {
                        continue;
                    }
                    System.err.printf("== round %d/%d: %s, %s (%.0f s elapsed)%n", round, rounds, server,
                            run.scenarios(), (System.nanoTime() - start) / 1e9);
                    String tag = "round" + round + "-" + server + run.tagSuffix();
                    try {
                        List<String> jvmOptions = new ArrayList<>(run.jvmOptions());
                        jvmOptions.add("-Dferry.bench.initParams=" + (server.startsWith("ferry") ? ferryInitParams : ""));
                        jvmOptions.addAll(extraServerOptions(System.getenv("FERRY_SERVER_JVM_OPTS"), logs, tag));
                        List<String> serverCmd = ServerCommand.of(server, serverCpu, dir, bun, jvmOptions, maxRunSeconds + 60);
                        List<Metric> metrics = runOnce(serverCmd, dir, logs, tag, loadCpu, run.loadArgs(loadArgs),
                                maxRunSeconds);
                        metrics.forEach(m -> System.err.println("   " + m.line()));
                        NoiseFilter.clean(metrics, maxOtherCpu).forEach(m -> table.add(server, m));
                    } catch (IOException e) {
                        System.err.println("   " + server + " failed: " + e.getMessage());
                        table.add(server, new Metric("run", "failed", 1, "count"));
                    }
                }
            }
        }
        String report = header(rounds, servers, serverHeap, reference)
                + "A scenario's figures of a round in which other programs used more than " + maxOtherCpu
                + " % of a CPU (other_cpu_pct) are left out of the medians and counted in its noisy_rounds row.\n\n"
                + (ferryInitParams.isEmpty() ? "" : "Ferry flavours with context init parameters " + ferryInitParams + "\n\n")
                + table.markdown();
        System.out.println(report);
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.err.printf("Done in %.0f s; results in %s, logs in %s%n", (System.nanoTime() - start) / 1e9, out, logs);
    }

    private static List<Metric> runOnce(List<String> serverCmd, Path dir, Path logs, String tag, int loadCpu,
            List<String> loadArgs, long maxRunSeconds) throws IOException, InterruptedException {
        try (ServerProcess s = ServerProcess.start(serverCmd, logs.resolve(tag + "-server.log"))) {
            List<String> args = new ArrayList<>(List.of("--port", Integer.toString(s.port()),
                    "--server-pid", Long.toString(s.pid())));
            args.addAll(loadArgs);
            List<String> loadCmd = ChildJvm.command(loadCpu, dir, "load.txt", List.of("-Xmx1g", "-XX:+UseG1GC"),
                    "dev.ferry.benchmarks.load.LoadGenerator", args);
            Path results = logs.resolve(tag + "-load.out");
            Process load = new ProcessBuilder(loadCmd)
                    .redirectOutput(results.toFile())
                    .redirectError(logs.resolve(tag + "-load.log").toFile())
                    .start();
            if (!load.waitFor(maxRunSeconds, TimeUnit.SECONDS)) {
                load.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException("load generator still running after " + maxRunSeconds + " s; see " + tag + "-load.log");
            }
            List<Metric> metrics = new ArrayList<>();
            for (String line : Files.readAllLines(results)) {
                Metric m = Metric.parse(line);
                if (m != null) {
                    metrics.add(m);
                }
            }
            if (load.exitValue() != 0) {
                metrics.add(new Metric("run", "failed", 1, "count"));
            }
            return metrics;
        }
    }

    /**
     * Extra server JVM options from {@code FERRY_SERVER_JVM_OPTS} (split at spaces; opt-in, for
     * profiling). {@code {logs}} and {@code {tag}} become the log directory and the run's tag, so
     * e.g. {@code -XX:StartFlightRecording=filename={logs}/{tag}.jfr} gives one recording per run.
     */
    static List<String> extraServerOptions(String value, Path logs, String tag) {
        List<String> options = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return options;
        }
        for (String option : value.trim().split("\\s+")) {
            options.add(option.replace("{logs}", logs.toString()).replace("{tag}", tag));
        }
        return options;
    }

    private static String header(int rounds, List<String> servers, String serverHeap, String reference) {
        return "Load comparison, " + LocalDate.now() + ": " + rounds + " rounds of " + servers
                + ", medians; server JVM -Xmx" + serverHeap + " -XX:+UseG1GC on " + Runtime.version()
                + "; ratio = value / " + reference + "'s value\n\n";
    }
}
