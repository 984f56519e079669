package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Many connections on one server: opens {@code connections} WebSocket connections (from several
 * loopback source addresses, 127.0.0.2 and up, each of which brings its own range of ephemeral
 * ports), holds them idle, then has {@code activePercent} % of them echo 64-byte text messages
 * in a closed loop while the others stay idle ({@link ActiveEchoes}). Reports the time to open
 * them all, the server's heap (after full GC) and resident memory per connection, its threads,
 * its CPU while they are idle, and the echo rate and latency of the active ones.
 *
 * <p>Every connection costs a descriptor in the server and one in the load generator. When the
 * smaller of the two processes' open-file limits cannot hold {@code connections} (a sandbox may
 * forbid raising the hard limit), the scenario opens as many as they can hold, says so on
 * standard error, and reports the number it opened ({@code connections}).
 */
final class ManyConnectionsScenario implements Scenario {

    /** Descriptors each process keeps for itself: class path jars, selectors, logs, the stats requests. */
    private static final long DESCRIPTOR_RESERVE = 300;
    private static final int OPENING_CONCURRENCY = 64;
    /**
     * Connections per source address. Far fewer than an address's ephemeral ports: binding to
     * port 0 makes the kernel search the address's ports for a free one, a search that grows with
     * the ports in use (19,700 connections from one address opened at 390/s, from four at
     * 1,560/s, the generator's CPU being the limit).
     */
    private static final int CONNECTIONS_PER_SOURCE = 5_000;
    private static final long CLOSE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final int requested;
    private final double activePercent;
    private final int sourceAddresses;
    private final double holdSeconds;
    private final Phases phases;
    private final long serverPid;

    ManyConnectionsScenario(int connections, double activePercent, int sourceAddresses, double holdSeconds,
            Phases phases, long serverPid) {
        this.requested = connections;
        this.activePercent = activePercent;
        this.sourceAddresses = sourceAddresses;
        this.holdSeconds = holdSeconds;
        this.phases = phases;
        this.serverPid = serverPid;
    }

    @Override
    public String name() {
        return "many-connections";
    }

    @Override
    public List<Metric> run(InetSocketAddress server) throws Exception {
        String name = name();
        int connections = affordable();
        List<InetAddress> sources = sources(connections);
        ErrorLog errors = new ErrorLog(name);
        List<Metric> m = new ArrayList<>();
        m.add(new Metric(name, "connections", connections, "count"));
        m.add(new Metric(name, "source_addresses", sources.size(), "count"));
        long heapBefore = HeapStatsClient.usedHeapAfterGc(server);
        long rssBefore = ProcFs.rssBytes(serverPid);
        long threadsBefore = ProcFs.status(serverPid, "Threads");
        try (EventLoop loop = new EventLoop(server)) {
            Opener opener = new Opener(loop, errors, connections, sources);
            CostMeter opening = new CostMeter(server, serverPid);
            opening.start();
            long start = System.nanoTime();
            opener.openMore();
            long deadline = start + TimeUnit.SECONDS.toNanos(Math.max(120, connections / 200));
            if (!loop.runUntil(() -> opener.ready == connections || errors.count() > 0, deadline)) {
                errors.add("only " + opener.ready + " of " + connections + " connections open in time");
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            opening.stop();
            m.add(new Metric(name, "open_s", openSeconds, "s"));
            m.add(new Metric(name, "opened_per_s", opener.ready / openSeconds, "conn/s"));
            for (Metric c : opening.metrics(name, opener.ready, "conn", 0)) {
                if (c.name().endsWith("_pct") || c.name().startsWith("server_cpu_us")) {
                    m.add(new Metric(c.scenario(), "open_" + c.name(), c.value(), c.unit()));
                }
            }
            if (errors.count() == 0) {
                // The server's CPU while they are idle, over the second half of the hold: the first
                // half lets the work the opening left behind (compilation, collections) finish.
                loop.runUntil(() -> errors.count() > 0, System.nanoTime() + (long) (holdSeconds / 2 * 1e9));
                CostMeter idle = new CostMeter(server, serverPid);
                idle.start();
                loop.runUntil(() -> errors.count() > 0, System.nanoTime() + (long) (holdSeconds / 2 * 1e9));
                idle.stop();
                m.add(new Metric(name, "idle_server_cpu_pct", idle.serverCpuPercent(), "%"));
                long heapAfter = HeapStatsClient.usedHeapAfterGc(server);
                long rssAfter = ProcFs.rssBytes(serverPid);
                m.add(new Metric(name, "heap_per_conn", (heapAfter - heapBefore) / (double) connections, "bytes"));
                m.add(new Metric(name, "rss_per_conn", rssBefore < 0 || rssAfter < 0 ? Double.NaN
                        : (rssAfter - rssBefore) / (double) connections, "bytes"));
                m.add(new Metric(name, "server_rss", rssAfter / 1e6, "MB"));
                m.add(new Metric(name, "server_threads_before", threadsBefore, "count"));
                m.add(new Metric(name, "server_threads", ProcFs.status(serverPid, "Threads"), "count"));
                System.err.printf("%s: %d connections open in %.1f s; heap %d -> %d, RSS %d -> %d bytes%n", name,
                        connections, openSeconds, heapBefore, heapAfter, rssBefore, rssAfter);
                opener.active = new ActiveEchoes(name, opener.opened, activePercent, errors,
                        new CostMeter(server, serverPid));
                m.addAll(opener.active.run(loop, phases));
            }
            opener.stopping = true;
            loop.closeAll(System.nanoTime() + CLOSE_DEADLINE_NANOS);
        }
        m.add(errors.metric());
        return m;
    }

    /** As many of the requested connections as both processes' descriptor limits allow. */
    private int affordable() {
        long limit = Math.min(ProcFs.openFileLimit(), serverOpenFileLimit());
        long affordable = limit - DESCRIPTOR_RESERVE;
        if (affordable < requested) {
            System.err.printf("many-connections: %d connections asked for, but the open-file limit is %d"
                    + " (ulimit -n; the hard limit caps it): opening %d%n", requested, limit, affordable);
            return (int) Math.max(0, affordable);
        }
        return requested;
    }

    private long serverOpenFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(serverPid), "limits"),
                    StandardCharsets.US_ASCII)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: assume it is the generator's
        }
        return Long.MAX_VALUE;
    }

    /** 127.0.0.2, 127.0.0.3, ...: enough that each brings a few thousand connections at most. */
    private List<InetAddress> sources(int connections) throws IOException {
        int count = sourceAddresses;
        if (count <= 0) {
            int perSource = Math.min(CONNECTIONS_PER_SOURCE, (int) (ephemeralPorts() * 0.9));
            count = Math.max(1, (int) Math.ceil(connections / (double) perSource));
        }
        List<InetAddress> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(InetAddress.getByAddress(new byte[] {127, 0, (byte) ((2 + i) >> 8), (byte) (2 + i)}));
        }
        return list;
    }

    private static int ephemeralPorts() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return 28_232; // Linux's default range, 32768-60999
        }
    }

    /** Opens connections a few handshakes at a time, round robin over the source addresses. */
    private static final class Opener implements ConnectionListener {
        private final EventLoop loop;
        private final ErrorLog errors;
        private final int target;
        private final List<InetAddress> sources;
        final List<ClientConnection> opened = new ArrayList<>();
        int started;
        int ready;
        /** Set once the connections are open and some of them echo. */
        ActiveEchoes active;
        boolean stopping;

        Opener(EventLoop loop, ErrorLog errors, int target, List<InetAddress> sources) {
            this.loop = loop;
            this.errors = errors;
            this.target = target;
            this.sources = sources;
        }

        void openMore() throws IOException {
            while (started < target && started - ready < OPENING_CONCURRENCY) {
                loop.connect("/echo", this, sources.get(started % sources.size())).tag = started;
                started++;
            }
        }

        @Override
        public void onOpen(ClientConnection c) {
            ready++;
            opened.add(c);
            try {
                openMore();
            } catch (IOException e) {
                errors.add(c, e);
            }
        }

        @Override
        public void onMessage(ClientConnection c) {
            if (active != null) {
                active.onMessage(c);
            }
        }

        @Override
        public void onClosed(ClientConnection c, boolean cleanly) {
            if (!stopping) {
                errors.add(c, new IllegalStateException("closed while it should be held open"));
            }
        }

        @Override
        public void onError(ClientConnection c, Exception e) {
            errors.add(c, e);
        }
    }
}
