package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The busy few among many idle connections: every k-th open connection (k = 100 / active
 * percent) echoes 64-byte text messages in a closed loop, one in flight, checked byte for byte,
 * while the rest stay idle. Measures messages per second, round-trip latency and what it cost.
 */
final class ActiveEchoes {

    private static final int MESSAGE_SIZE = 64;
    private static final int COUNTER_DIGITS = 8;

    private final String scenario;
    private final List<ClientConnection> active = new ArrayList<>();
    private final ErrorLog errors;
    private final CostMeter cost;
    private final Histogram latencyNanos = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private byte[][] payloads;
    private long[] sentAtNanos;
    private long[] sent;
    private boolean measuring;
    private boolean stopping;
    private long measureStartNanos;
    private long measured;

    ActiveEchoes(String scenario, List<ClientConnection> open, double activePercent, ErrorLog errors, CostMeter cost) {
        this.scenario = scenario;
        this.errors = errors;
        this.cost = cost;
        int step = Math.max(1, (int) Math.round(100 / activePercent));
        for (int i = 0; i < open.size(); i += step) {
            active.add(open.get(i));
        }
    }

    List<Metric> run(EventLoop loop, Phases phases) throws IOException {
        payloads = new byte[active.size()][MESSAGE_SIZE];
        sentAtNanos = new long[active.size()];
        sent = new long[active.size()];
        for (int i = 0; i < active.size(); i++) {
            for (int j = 0; j < MESSAGE_SIZE; j++) {
                payloads[i][j] = (byte) ('a' + (i + j) % 26);
            }
            active.get(i).tag = i; // from here on, the index among the active ones
            sendNext(active.get(i));
        }
        loop.runUntil(() -> errors.count() > 0, System.nanoTime() + phases.warmupNanos());
        cost.start();
        latencyNanos.reset();
        measured = 0;
        measuring = true;
        measureStartNanos = System.nanoTime();
        loop.runUntil(() -> errors.count() > 0, measureStartNanos + phases.measureNanos());
        measuring = false;
        long measureNanos = System.nanoTime() - measureStartNanos;
        cost.stop();
        stopping = true;
        // Let the last echoes arrive, so that closing does not cross them.
        loop.runUntil(() -> active.stream().allMatch(c -> c.expectedCount() == 0) || errors.count() > 0,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        List<Metric> m = new ArrayList<>();
        m.add(new Metric(scenario, "active_connections", active.size(), "count"));
        m.add(new Metric(scenario, "active_msgs_per_s", measured / (measureNanos / 1e9), "msg/s"));
        m.add(new Metric(scenario, "active_p50_us", latencyNanos.getValueAtPercentile(50) / 1e3, "us"));
        m.add(new Metric(scenario, "active_p99_us", latencyNanos.getValueAtPercentile(99) / 1e3, "us"));
        m.add(new Metric(scenario, "active_p999_us", latencyNanos.getValueAtPercentile(99.9) / 1e3, "us"));
        for (Metric c : cost.metrics(scenario, measured, "msg", measured * MESSAGE_SIZE)) {
            m.add(new Metric(c.scenario(), "active_" + c.name(), c.value(), c.unit()));
        }
        return m;
    }

    void onMessage(ClientConnection c) {
        long sentAt = sentAtNanos[c.tag];
        if (measuring) {
            if (sentAt - measureStartNanos >= 0) {
                latencyNanos.recordValue(Math.min(System.nanoTime() - sentAt, latencyNanos.getHighestTrackableValue()));
            }
            measured++;
        }
        if (!stopping) {
            sendNext(c);
        }
    }

    private void sendNext(ClientConnection c) {
        byte[] payload = payloads[c.tag];
        long n = sent[c.tag]++;
        for (int i = COUNTER_DIGITS - 1; i >= 0; i--, n >>>= 4) {
            payload[i] = (byte) Character.forDigit((int) (n & 0xF), 16);
        }
        sentAtNanos[c.tag] = System.nanoTime();
        c.send(ClientFrameEncoder.OPCODE_TEXT, payload, true);
    }
}
