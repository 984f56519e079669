package dev.ferry.benchmarks.fanout;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the fan-out benchmark (see docs/benchmarks.md, "Fan-out"): for each round and server
 * flavour a fresh server JVM pinned to one CPU and, per session count, a fresh {@link FanOutClient}
 * JVM pinned to the other; then, with {@code --cross-node true}, two Ferry nodes (Tomcat and Jetty)
 * sharing topics through a redis-server started here, the sessions on the Jetty node and the
 * publisher on it ("local") or on the Tomcat node ("cross"). Prints the medians per flavour and
 * writes them to {@code target/fanout-results.md}; logs go to {@code target/fanout-logs/}.
 *
 * <p>Flags ({@code --name value}): {@code benchmarks-dir}, {@code rounds} (3), {@code servers}
 * (ferry-tomcat,ferry-jetty,tomcat,jetty), {@code sessions} (1000,10000), {@code windows} (1,16),
 * {@code size} (256), {@code warmup} (3 s), {@code duration} (5 s), {@code cross-node} (true),
 * {@code cross-sessions} (1,1000), {@code server-cpu} (0), {@code load-cpu} (1), {@code redis-cpu} (1),
 * {@code relay-classpath} (the class path file the broadcast-redis module writes).
 */
public final class FanOutComparison {

    private static final Pattern READY = Pattern.compile("^READY port=(\\d+)", Pattern.MULTILINE);
    private static final Pattern RESULT = Pattern.compile("^RESULT (\\S+) (\\S+) (\\S+) (\\S+)$");

    private final Path dir;
    private final Path logs;
    private final Map<String, String> flags;
    /** row (label metric) -> flavour -> values of the rounds */
    private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();

    private FanOutComparison(Path dir, Map<String, String> flags) throws IOException {
        this.dir = dir;
        this.flags = flags;
        this.logs = Files.createDirectories(dir.resolve("target/fanout-logs"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dir = Path.of(flags.getOrDefault("benchmarks-dir", "benchmarks")).toAbsolutePath();
        new FanOutComparison(dir, flags).run();
    }

    private String flag(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        int rounds = Integer.parseInt(flag("rounds", "3"));
        List<String> servers = List.of(flag("servers", "ferry-tomcat,ferry-jetty,tomcat,jetty").split(","));
        long start = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            for (String server : servers) {
                System.err.printf(Locale.ROOT, "== round %d/%d: %s (%.0f s)%n", round, rounds, server,
                        (System.nanoTime() - start) / 1e9);
                try (Server s = Server.start(this, server, "round" + round + "-" + server, "")) {
                    for (String n : flag("sessions", "1000,10000").split(",")) {
                        client(server, "round" + round + "-" + server + "-" + n, s.port, -1, Integer.parseInt(n),
                                n + " sessions");
                    }
                }
            }
            if (Boolean.parseBoolean(flag("cross-node", "true"))) {
                crossNode(round);
            }
        }
        String report = report(servers, rounds);
        System.out.println(report);
        Files.writeString(dir.resolve("target/fanout-results.md"), report, StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "Done in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Two Ferry nodes on one Redis: sessions on the Jetty node, the publisher there ("local") or on the Tomcat node ("cross"). */
    private void crossNode(int round) throws Exception {
        int redisPort = freePort();
        List<String> redisCommand = new ArrayList<>(List.of("taskset", "-c", flag("redis-cpu", "1"), "redis-server",
                "--port", Integer.toString(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        Process redis = new ProcessBuilder(redisCommand).redirectErrorStream(true)
                .redirectOutput(logs.resolve("round" + round + "-redis.log").toFile()).start();
        try {
            String uri = "dev.ferry.broadcast.redis.uri=redis://127.0.0.1:" + redisPort;
            try (Server a = Server.start(this, "ferry-tomcat", "round" + round + "-node-a", uri
                    + ",dev.ferry.broadcast.nodeName=node-a");
                    Server b = Server.start(this, "ferry-jetty", "round" + round + "-node-b", uri
                            + ",dev.ferry.broadcast.nodeName=node-b")) {
                for (String n : flag("cross-sessions", "1,1000").split(",")) {
                    int sessions = Integer.parseInt(n);
                    client("two nodes", "round" + round + "-local-" + n, b.port, b.port, sessions,
                            n + " sessions, publisher on their node");
                    client("two nodes", "round" + round + "-cross-" + n, b.port, a.port, sessions,
                            n + " sessions, publisher on the other node (through Redis)");
                }
            }
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void client(String column, String tag, int port, int publishPort, int sessions, String label)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--sessions",
                Integer.toString(sessions), "--size", flag("size", "256"), "--windows", flag("windows", "1,16"),
                "--warmup", flag("warmup", "3"), "--duration", flag("duration", "5"), "--label", "L"));
        if (publishPort > 0) {
            args.addAll(List.of("--publish-port", Integer.toString(publishPort)));
        }
        List<String> command = java(flag("load-cpu", "1"), "load.txt", List.of("-Xmx2g"),
                "dev.ferry.benchmarks.fanout.FanOutClient", args);
        Path out = logs.resolve(tag + "-client.out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(logs.resolve(tag + "-client.log").toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        boolean any = false;
        for (String line : Files.readAllLines(out)) {
            Matcher m = RESULT.matcher(line);
            if (m.matches()) {
                any = true;
                String window = m.group(1).substring(m.group(1).indexOf("-w") + 2);
                String row = label + ", window " + window + " | " + m.group(2) + " (" + m.group(4) + ")";
                results.computeIfAbsent(row, r -> new LinkedHashMap<>()).computeIfAbsent(column, c -> new ArrayList<>())
                        .add(Double.parseDouble(m.group(3)));
                System.err.println("   " + column + ": " + row + " = " + m.group(3));
            }
        }
        if (!any) {
            System.err.println("   " + column + ": " + label + " FAILED, see " + tag + "-client.log");
        }
    }

    /** A server JVM pinned to the server CPU, stopped on close. */
    private record Server(Process process, int port) implements AutoCloseable {
        static Server start(FanOutComparison run, String flavour, String tag, String initParams)
                throws IOException, InterruptedException {
            String classPath = flavour + ".txt";
            List<String> extra = new ArrayList<>();
            if (!initParams.isEmpty()) {
                // The relay module and Lettuce, from the class path file the broadcast-redis module writes.
                Path relay = Path.of(run.flag("relay-classpath",
                        run.dir.resolveSibling("broadcast-redis/target/classpath/relay.txt").toString()));
                extra.add(run.dir.resolveSibling("broadcast-redis/target/classes").toString());
                extra.add(Files.readString(relay).trim());
            }
            List<String> command = run.java(run.flag("server-cpu", "0"), classPath,
                    List.of("-Xmx8g", "-XX:+UseG1GC"), "dev.ferry.benchmarks.fanout.FanOutServer",
                    List.of(flavour, "3600", initParams), extra);
            Path log = run.logs.resolve(tag + "-server.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                Matcher m = READY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return new Server(p, Integer.parseInt(m.group(1)));
                }
                if (!p.isAlive()) {
                    throw new IOException("Server " + flavour + " exited; see " + log);
                }
                Thread.sleep(100);
            }
            p.destroyForcibly();
            throw new IOException("Server " + flavour + " not ready in 60 s; see " + log);
        }

        @Override
        public void close() throws InterruptedException {
            try (OutputStream in = process.getOutputStream()) {
                in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // gone already
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private List<String> java(String cpu, String classPathFile, List<String> options, String main, List<String> args)
            throws IOException {
        return java(cpu, classPathFile, options, main, args, List.of());
    }

    private List<String> java(String cpu, String classPathFile, List<String> options, String main, List<String> args,
            List<String> extraClassPath) throws IOException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpu,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        List<String> path = new ArrayList<>(List.of(dir.resolve("target/classes").toString(),
                Files.readString(dir.resolve("target/classpath").resolve(classPathFile)).trim()));
        path.addAll(extraClassPath);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, path), main));
        command.addAll(args);
        return command;
    }

    private String report(List<String> servers, int rounds) {
        List<String> columns = new ArrayList<>(servers);
        if (Boolean.parseBoolean(flag("cross-node", "true"))) {
            columns.add("two nodes");
        }
        StringBuilder sb = new StringBuilder("Fan-out, " + LocalDateTime.now().withNano(0) + ": medians of " + rounds
                + " rounds, " + flag("size", "256") + "-byte text messages, " + Runtime.version() + "\n\n| run | metric |");
        columns.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|---|").append("---:|".repeat(columns.size())).append('\n');
        for (Map.Entry<String, Map<String, List<Double>>> row : results.entrySet()) {
            String[] parts = row.getKey().split(" \\| ");
            sb.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" |");
            for (String c : columns) {
                List<Double> values = row.getValue().get(c);
                sb.append(' ').append(values == null ? "" : String.format(Locale.ROOT, "%,.0f", median(values)))
                        .append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

}
