package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a measurement cost, taken around it: the load generator's own CPU time (as a share of one
 * core: near 100 % means the generator, not the server, set the pace), the server's CPU time
 * (per operation, which stays comparable when the generator saturates), and the bytes the
 * server's threads allocated (JVM servers only).
 *
 * <p>CPU times come from /proc/PID/stat for both processes (10 ms ticks; a 4 s measurement
 * resolves 0.25 %); what the machine's CPUs did besides those two processes is reported too, as
 * a check that nothing else ran. Allocation comes from two {@code /stats?alloc} snapshots of the server's
 * per-thread allocation counters, subtracted thread by thread: threads born in between count from
 * zero, and threads that ended in between lose what they allocated since the first snapshot,
 * which is why their number is reported too ({@code alloc_threads_ended}; 0 in every run so far).
 * The snapshots are taken outside the CPU window, so the stats requests cost nothing measured.
 */
final class CostMeter {

    private final InetSocketAddress server;
    private final long serverPid;
    private Map<Long, Long> allocBefore;
    private Map<Long, Long> allocAfter;
    private long startNanos;
    private long wallNanos;
    private long loadCpuBefore;
    private long loadCpuNanos;
    private long serverCpuBefore;
    private long serverCpuNanos;
    private long machineBusyBefore;
    private long otherCpuNanos;

    /** @param serverPid the server's process id, or negative if unknown (server figures are then NaN) */
    CostMeter(InetSocketAddress server, long serverPid) {
        this.server = server;
        this.serverPid = serverPid;
    }

    void start() {
        allocBefore = allocation();
        startNanos = System.nanoTime();
        loadCpuBefore = ProcFs.cpuNanos(-1);
        serverCpuBefore = serverPid < 0 ? -1 : ProcFs.cpuNanos(serverPid);
        machineBusyBefore = ProcFs.machineBusyNanos();
    }

    void stop() {
        wallNanos = System.nanoTime() - startNanos;
        loadCpuNanos = delta(loadCpuBefore, ProcFs.cpuNanos(-1));
        serverCpuNanos = serverPid < 0 ? -1 : delta(serverCpuBefore, ProcFs.cpuNanos(serverPid));
        long busy = delta(machineBusyBefore, ProcFs.machineBusyNanos());
        otherCpuNanos = busy < 0 || serverCpuNanos < 0 || loadCpuNanos < 0 ? -1
                : Math.max(0, busy - serverCpuNanos - loadCpuNanos);
        allocAfter = allocation();
    }

    /**
     * @param operations what the server's CPU time is divided by (messages echoed, handshakes)
     * @param unit the operation's name in the metric names ({@code msg}, {@code handshake})
     * @param payloadBytes payload bytes echoed, for allocation per echoed byte; 0 to leave it out
     */
    List<Metric> metrics(String scenario, long operations, String unit, long payloadBytes) {
        List<Metric> m = new ArrayList<>();
        m.add(new Metric(scenario, "load_cpu_pct", percent(loadCpuNanos), "%"));
        m.add(new Metric(scenario, "server_cpu_pct", percent(serverCpuNanos), "%"));
        // Anything else that ran meanwhile (the kernel's softirq work for loopback included):
        // more than a few % means another program shared the cores and the run is noisy.
        m.add(new Metric(scenario, "other_cpu_pct", percent(otherCpuNanos), "%"));
        m.add(new Metric(scenario, "load_cpu_us_per_" + unit,
                loadCpuNanos < 0 || operations == 0 ? Double.NaN : loadCpuNanos / 1e3 / operations, "us"));
        m.add(new Metric(scenario, "server_cpu_us_per_" + unit,
                serverCpuNanos < 0 || operations == 0 ? Double.NaN : serverCpuNanos / 1e3 / operations, "us"));
        if (allocBefore != null && allocAfter != null) {
            long allocated = 0;
            int ended = 0;
            for (Map.Entry<Long, Long> after : allocAfter.entrySet()) {
                allocated += after.getValue() - allocBefore.getOrDefault(after.getKey(), 0L);
            }
            for (Long id : allocBefore.keySet()) {
                if (!allocAfter.containsKey(id)) {
                    ended++;
                }
            }
            m.add(new Metric(scenario, "alloc_bytes_per_" + unit,
                    operations == 0 ? Double.NaN : allocated / (double) operations, "bytes"));
            if (payloadBytes > 0) {
                m.add(new Metric(scenario, "alloc_per_echoed_byte", allocated / (double) payloadBytes, "ratio"));
            }
            m.add(new Metric(scenario, "alloc_threads_ended", ended, "count"));
        }
        return m;
    }

    /** The server's CPU time over the window as a share of one core, in %. */
    double serverCpuPercent() {
        return percent(serverCpuNanos);
    }

    private double percent(long cpuNanos) {
        return cpuNanos < 0 || wallNanos <= 0 ? Double.NaN : 100.0 * cpuNanos / wallNanos;
    }

    private static long delta(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private Map<Long, Long> allocation() {
        try {
            return ServerStats.allocatedPerThread(server);
        } catch (IOException e) {
            System.err.println("No allocation figures from the server: " + e);
            return null;
        }
    }
}
