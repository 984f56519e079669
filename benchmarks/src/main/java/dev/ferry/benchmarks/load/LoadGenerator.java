package dev.ferry.benchmarks.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the load comparison, run in its own JVM against one running server:
 * {@code LoadGenerator --port N [--scenarios a,b] [--warmup s] [--duration s] ...}. Prints one
 * {@code RESULT scenario metric value unit} line per measurement on standard output; diagnostics
 * go to standard error. Only loopback addresses are accepted as targets.
 */
public final class LoadGenerator {

    /**
     * In this order on a fresh server: message-heap first, while Tomcat's own still has heap for
     * its warm-up connections (37.8 MB each after a message); see HeapPerConnectionScenario.
     * The comparison runs the scenarios of {@link #OWN_SERVER_SCENARIOS} on a server of their own.
     */
    static final String ALL_SCENARIOS = "message-heap,idle-heap,small-echo,small-echo-16,large-echo,handshake,broadcast,"
            + "large-echo-fresh,large-echo-pretouch";
    /**
     * Scenarios that LoadComparison runs alone, each on a server JVM started for it: the large
     * echo on a fresh JVM whose heap is committed but not yet touched ({@code -Xms} = {@code -Xmx},
     * the way production JVMs are often started), the same with {@code -XX:+AlwaysPreTouch}, and
     * many connections (which needs the most descriptors and memory).
     */
    static final List<String> OWN_SERVER_SCENARIOS = List.of("large-echo-fresh", "large-echo-pretouch",
            "many-connections");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Flags flags = new Flags(args);
        InetAddress host = InetAddress.getByName(flags.string("host", "127.0.0.1"));
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("Refusing to send load to " + host + ": loopback addresses only");
        }
        int port = flags.integer("port", -1);
        if (port <= 0) {
            throw new IllegalArgumentException("--port is required");
        }
        List<Scenario> scenarios = scenarios(flags);
        flags.rejectUnknown();

        InetSocketAddress server = new InetSocketAddress(host, port);
        for (Scenario s : scenarios) {
            long start = System.nanoTime();
            try {
                for (Metric m : s.run(server)) {
                    System.out.println(m.line());
                }
            } catch (Exception e) {
                System.err.println(s.name() + " failed: " + e);
                e.printStackTrace();
                System.out.println(new Metric(s.name(), "errors", 1, "count").line());
            }
            System.out.flush();
            System.err.printf("%s took %.1f s%n", s.name(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The scenarios named by {@code --scenarios}, configured from the other flags. */
    static List<Scenario> scenarios(Flags flags) {
        // 5 s of warm-up: enough for every server's JIT to settle. (Tomcat's own implementation
        // takes seconds to accept 100 connections and is warm by then; the others are not.)
        Phases phases = new Phases(flags.decimal("warmup", 5), flags.decimal("duration", 4));
        int smallConnections = flags.integer("small-connections", 100);
        int smallSize = flags.integer("small-size", 64);
        int largeConnections = flags.integer("large-connections", 4);
        int largeSize = flags.integer("large-size", 1024 * 1024);
        int pipelineDepth = flags.integer("pipeline-depth", 16);
        int handshakeConcurrency = flags.integer("handshake-concurrency", 16);
        long serverPid = flags.integer("server-pid", -1);
        int broadcastSessions = flags.integer("broadcast-sessions", 1000);
        int broadcastSize = flags.integer("broadcast-size", 256);
        int idleConnections = flags.integer("idle-connections", 5000);
        int messageHeapConnections = flags.integer("message-heap-connections", 100);
        int manyConnections = flags.integer("many-connections", 100_000);
        double manyActivePercent = flags.decimal("many-active-percent", 1);
        int manySourceAddresses = flags.integer("many-source-addresses", 0);
        double manyHoldSeconds = flags.decimal("many-hold", 20);
        List<Scenario> list = new ArrayList<>();
        for (String name : flags.list("scenarios", ALL_SCENARIOS)) {
            list.add(switch (name) {
                case "small-echo" -> new EchoScenario(name, smallConnections, smallSize, false, 1, phases, serverPid);
                case "small-echo-16" -> new EchoScenario(name, smallConnections, smallSize, false, pipelineDepth, phases,
                        serverPid);
                case "large-echo", "large-echo-fresh", "large-echo-pretouch" ->
                        new EchoScenario(name, largeConnections, largeSize, true, 1, phases, serverPid);
                case "handshake" -> new HandshakeScenario(handshakeConcurrency, phases, serverPid);
                case "broadcast" -> new BroadcastScenario(broadcastSessions, broadcastSize, phases);
                case "idle-heap" -> new HeapPerConnectionScenario(name, idleConnections, false);
                case "message-heap" -> new HeapPerConnectionScenario(name, messageHeapConnections, true);
                case "many-connections" -> new ManyConnectionsScenario(manyConnections, manyActivePercent,
                        manySourceAddresses, manyHoldSeconds, phases, serverPid);
                default -> throw new IllegalArgumentException("Unknown scenario '" + name + "'; known: " + ALL_SCENARIOS
                        + ",many-connections");
            });
        }
        return list;
    }
}
