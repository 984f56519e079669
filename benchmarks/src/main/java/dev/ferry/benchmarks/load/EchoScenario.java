package dev.ferry.benchmarks.load;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop echo: every connection keeps {@code inFlight} messages in flight (1: send, wait for
 * the echo, send the next; 16: pipelined, 16 written back to back at the start, and one more for
 * each echo), checks every echo byte for byte and in order. Measures messages per second and
 * round-trip latency (from just before the frame is queued for writing to the last byte of its
 * echo; only messages sent after the measurement began count, so no wait from before it, such as
 * the stats request, shows) after a warm-up, and what it cost ({@link CostMeter}).
 */
final class EchoScenario implements Scenario {

    private static final long OPEN_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long CLOSE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Round trips every connection makes before the timed warm-up starts. */
    private static final int WARMUP_ROUND_TRIPS = 20;
    private static final long MAX_FIRST_ROUND_TRIPS_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Each message starts with the connection's message count, so that no echo can pass for another. */
    private static final int COUNTER_DIGITS = 8;

    private final String name;
    private final int connections;
    private final int payloadSize;
    private final int opcode;
    private final int inFlight;
    private final Phases phases;
    private final long serverPid;

    EchoScenario(String name, int connections, int payloadSize, boolean binary, int inFlight, Phases phases,
            long serverPid) {
        if (payloadSize < COUNTER_DIGITS) {
            throw new IllegalArgumentException("payloadSize must be at least " + COUNTER_DIGITS);
        }
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1");
        }
        this.name = name;
        this.connections = connections;
        this.payloadSize = payloadSize;
        this.opcode = binary ? ClientFrameEncoder.OPCODE_BINARY : ClientFrameEncoder.OPCODE_TEXT;
        this.inFlight = inFlight;
        this.phases = phases;
        this.serverPid = serverPid;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Metric> run(InetSocketAddress server) throws Exception {
        Listener listener = new Listener(new CostMeter(server, serverPid));
        try (EventLoop loop = new EventLoop(server)) {
            for (int i = 0; i < connections; i++) {
                loop.connect("/echo", listener).tag = i;
            }
            long start = System.nanoTime();
            if (!loop.runUntil(() -> listener.opened == connections || listener.errors.count() > 0,
                    start + OPEN_DEADLINE_NANOS)) {
                listener.errors.add("only " + listener.opened + " of " + connections + " connections opened in time");
            }
            if (listener.errors.count() == 0) {
                // Warm up until every connection has made some round trips, then for the warm-up time:
                // a container may do expensive work on a session's first message.
                long warmupStart = System.nanoTime();
                if (!loop.runUntil(() -> listener.slowestConnectionMessages() >= WARMUP_ROUND_TRIPS
                        || listener.errors.count() > 0, warmupStart + MAX_FIRST_ROUND_TRIPS_NANOS)) {
                    listener.errors.add("not every connection made " + WARMUP_ROUND_TRIPS + " round trips (slowest: " + listener.slowestConnectionMessages() + " sent) within "
                            + TimeUnit.NANOSECONDS.toSeconds(MAX_FIRST_ROUND_TRIPS_NANOS) + " s");
                }
                listener.firstRoundTripsNanos = System.nanoTime() - warmupStart;
                loop.runUntil(() -> listener.errors.count() > 0, System.nanoTime() + phases.warmupNanos());
                listener.startMeasuring();
                long measureStart = System.nanoTime();
                loop.runUntil(() -> listener.errors.count() > 0, measureStart + phases.measureNanos());
                listener.stopMeasuring();
            }
            listener.stopping = true;
            loop.closeAll(System.nanoTime() + CLOSE_DEADLINE_NANOS);
        }
        return listener.metrics();
    }

    private final class Listener implements ConnectionListener {
        final ErrorLog errors = new ErrorLog(name);
        final Histogram latencyNanos = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final SplittableRandom random = new SplittableRandom(5);
        final CostMeter cost;
        int opened;
        boolean measuring;
        boolean stopping;
        long measuredMessages;
        long measureStartNanos;
        long measureNanos;
        /** Per connection, one payload and one send time per message in flight (slot = count % inFlight). */
        final byte[][][] payloads = new byte[connections][][];
        final long[][] sentAtNanos = new long[connections][inFlight];
        final long[] sentCount = new long[connections];
        final long[] receivedCount = new long[connections];
        long firstRoundTripsNanos;

        Listener(CostMeter cost) {
            this.cost = cost;
        }

        long slowestConnectionMessages() {
            long min = Long.MAX_VALUE;
            for (long n : sentCount) {
                min = Math.min(min, n);
            }
            return min;
        }

        void startMeasuring() {
            cost.start(); // may wait for the server's stats answer: before the clock starts
            latencyNanos.reset();
            measuredMessages = 0;
            measuring = true;
            measureStartNanos = System.nanoTime();
        }

        void stopMeasuring() {
            measuring = false;
            measureNanos = System.nanoTime() - measureStartNanos;
            cost.stop();
        }

        @Override
        public void onOpen(ClientConnection c) {
            opened++;
            byte[][] slots = new byte[inFlight][payloadSize];
            for (byte[] payload : slots) {
                for (int i = 0; i < payload.length; i++) {
                    // Printable ASCII, valid as text and as binary.
                    payload[i] = (byte) ('a' + random.nextInt(26));
                }
            }
            payloads[c.tag] = slots;
            for (int i = 0; i < inFlight; i++) {
                sendNext(c);
            }
        }

        private void sendNext(ClientConnection c) {
            long n = sentCount[c.tag]++;
            int slot = (int) (n % inFlight);
            byte[] payload = payloads[c.tag][slot];
            for (int i = COUNTER_DIGITS - 1; i >= 0; i--, n >>>= 4) {
                payload[i] = (byte) Character.forDigit((int) (n & 0xF), 16);
            }
            sentAtNanos[c.tag][slot] = System.nanoTime();
            c.send(opcode, payload, true);
        }

        @Override
        public void onMessage(ClientConnection c) {
            int slot = (int) (receivedCount[c.tag]++ % inFlight);
            if (measuring) {
                long sentAt = sentAtNanos[c.tag][slot];
                if (sentAt - measureStartNanos >= 0) {
                    latencyNanos.recordValue(Math.min(System.nanoTime() - sentAt, latencyNanos.getHighestTrackableValue()));
                }
                measuredMessages++;
            }
            if (!stopping) {
                sendNext(c);
            }
        }

        @Override
        public void onClosed(ClientConnection c, boolean cleanly) {
            if (!stopping) {
                errors.add(c, new IllegalStateException("closed during the run"));
            }
        }

        @Override
        public void onError(ClientConnection c, Exception e) {
            errors.add(c, e);
        }

        List<Metric> metrics() {
            List<Metric> m = new ArrayList<>();
            double seconds = measureNanos / 1e9;
            double perSecond = seconds > 0 ? measuredMessages / seconds : Double.NaN;
            m.add(new Metric(name, "msgs_per_s", perSecond, "msg/s"));
            m.add(new Metric(name, "MB_per_s", perSecond * payloadSize / 1e6, "MB/s"));
            m.add(new Metric(name, "p50_us", latencyNanos.getValueAtPercentile(50) / 1e3, "us"));
            m.add(new Metric(name, "p99_us", latencyNanos.getValueAtPercentile(99) / 1e3, "us"));
            m.add(new Metric(name, "p999_us", latencyNanos.getValueAtPercentile(99.9) / 1e3, "us"));
            m.add(new Metric(name, "first_round_trips_s", firstRoundTripsNanos / 1e9, "s"));
            m.addAll(cost.metrics(name, measuredMessages, "msg", measuredMessages * payloadSize));
            m.add(errors.metric());
            return m;
        }
    }
}
