package dev.ferry.benchmarks.fanout;

import dev.ferry.benchmarks.load.ProcFs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The client side of the fan-out benchmark, in a JVM of its own:
 * {@code FanOutClient --port P [--publish-port Q] --sessions N --size 256 --windows 1,16 --warmup 3
 * --duration 5 --label L}. Opens N sessions on {@code /fanout} at port P (one of them, or one more
 * at Q when given: another node, is the publisher), then for each window W sends messages of SIZE
 * bytes, keeping up to W of them on their way: a message is on its way from its sending until the
 * last session has it. Prints per window the deliveries per second (messages × sessions that got
 * them) and the latency to the last session, p50 and p99, as {@code RESULT label-wW name value unit}.
 */
public final class FanOutClient {

    private static final long MESSAGE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final int SLOTS = 1 << 12;

    private final Selector selector;
    private final List<Subscriber> sessions = new ArrayList<>();
    private final Subscriber publisher;
    private final int receivers;
    private final byte[] payload;
    private final long[] sentAt = new long[SLOTS];
    private final int[] received = new int[SLOTS];
    private final long[] doneAt = new long[SLOTS];
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private long nextNumber;
    private long oldestOpen;
    private long completed;
    private Histogram latency;

    private FanOutClient(Selector selector, List<Subscriber> sessions, Subscriber publisher, int size) {
        this.selector = selector;
        this.sessions.addAll(sessions);
        this.publisher = publisher;
        this.receivers = sessions.size();
        this.payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        InetAddress host = InetAddress.getByName("127.0.0.1");
        InetSocketAddress server = new InetSocketAddress(host, Integer.parseInt(flags.get("port")));
        InetSocketAddress publishTo = flags.containsKey("publish-port")
                ? new InetSocketAddress(host, Integer.parseInt(flags.get("publish-port"))) : null;
        int sessions = Integer.parseInt(flags.getOrDefault("sessions", "1000"));
        int size = Integer.parseInt(flags.getOrDefault("size", "256"));
        double warmup = Double.parseDouble(flags.getOrDefault("warmup", "3"));
        double duration = Double.parseDouble(flags.getOrDefault("duration", "5"));
        String label = flags.getOrDefault("label", "fanout-" + sessions);

        SplittableRandom random = new SplittableRandom(20261205);
        java.util.concurrent.ScheduledExecutorService watchdog = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        Selector selector = Selector.open();
        List<Subscriber> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            Subscriber s = Subscriber.open(server, "/fanout", random, watchdog);
            s.channel.register(selector, SelectionKey.OP_READ, s);
            all.add(s);
        }
        Subscriber publisher = all.get(0);
        if (publishTo != null) {
            publisher = Subscriber.open(publishTo, "/fanout", random, watchdog);
            publisher.channel.register(selector, SelectionKey.OP_READ, publisher);
            all.add(publisher);
        }
        System.err.printf(Locale.ROOT, "%d sessions open in %.1f s%n", all.size(), (System.nanoTime() - start) / 1e9);
        FanOutClient client = new FanOutClient(selector, all, publisher, size);
        client.settle();
        for (String window : flags.getOrDefault("windows", "1").split(",")) {
            client.run(label + "-w" + window, Integer.parseInt(window), warmup, duration);
        }
        for (Subscriber s : all) {
            s.channel.close();
        }
        System.out.flush();
        System.exit(0);
    }

    /** Sends probes until one reaches every session: every subscription is in place (on every node). */
    private void settle() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            long number = send();
            long probeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (received[slot(number)] < receivers && System.nanoTime() < probeDeadline) {
                poll(10);
            }
            if (received[slot(number)] == receivers) {
                oldestOpen = nextNumber;
                completed = 0;
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Not every session got a probe within 60 s");
            }
        }
    }

    private void run(String label, int window, double warmupSeconds, double durationSeconds) throws IOException {
        latency = null;
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        pump(window, warmupEnd);
        latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long before = completed;
        long start = System.nanoTime();
        long cpuBefore = ProcFs.cpuNanos(-1);
        long busyBefore = ProcFs.machineBusyNanos();
        long end = start + (long) (durationSeconds * 1e9);
        pump(window, end);
        long wall = System.nanoTime() - start;
        long cpu = ProcFs.cpuNanos(-1) - cpuBefore;
        long busy = ProcFs.machineBusyNanos() - busyBefore;
        double seconds = wall / 1e9;
        long messages = completed - before;
        drain();
        print(label, "deliveries_per_s", messages * (double) receivers / seconds, "msg/s");
        print(label, "messages_per_s", messages / seconds, "msg/s");
        print(label, "latency_last_p50_us", latency.getValueAtPercentile(50), "us");
        print(label, "latency_last_p99_us", latency.getValueAtPercentile(99), "us");
        print(label, "latency_last_max_us", latency.getMaxValue(), "us");
        // The client's own CPU (near 100 %: it, not the server, set the pace) and the rest of the
        // machine's (the server, the kernel's loopback work, anything else) as shares of one core.
        print(label, "client_cpu_pct", cpuBefore < 0 ? Double.NaN : 100.0 * cpu / wall, "%");
        print(label, "rest_cpu_pct", busyBefore < 0 ? Double.NaN : 100.0 * (busy - cpu) / wall, "%");
    }

    /** Keeps up to {@code window} messages on their way until {@code until}. */
    private void pump(int window, long until) throws IOException {
        while (System.nanoTime() < until) {
            while (nextNumber - oldestOpen < window) {
                send();
            }
            poll(1);
            if (oldestOpen < nextNumber && System.nanoTime() - sentAt[slot(oldestOpen)] > MESSAGE_DEADLINE_NANOS) {
                throw new IOException("Message " + oldestOpen + " reached " + received[slot(oldestOpen)] + " of "
                        + receivers + " sessions in " + MESSAGE_DEADLINE_NANOS / 1_000_000_000 + " s");
            }
        }
    }

    /** Lets the messages on their way arrive, so the next run starts with none. */
    private void drain() throws IOException {
        long deadline = System.nanoTime() + MESSAGE_DEADLINE_NANOS;
        while (oldestOpen < nextNumber && System.nanoTime() < deadline) {
            poll(10);
        }
        if (oldestOpen < nextNumber) {
            throw new IOException("Messages still on their way after " + MESSAGE_DEADLINE_NANOS / 1e9 + " s");
        }
    }

    private long send() throws IOException {
        long number = nextNumber++;
        int slot = slot(number);
        received[slot] = 0;
        sentAt[slot] = System.nanoTime();
        byte[] digits = String.format(Locale.ROOT, "%08x", number & 0xFFFFFFFFL).getBytes();
        System.arraycopy(digits, 0, payload, 0, 8);
        publisher.sendText(payload);
        return number;
    }

    private void poll(long timeoutMillis) throws IOException {
        selector.select(key -> {
            Subscriber s = (Subscriber) key.attachment();
            try {
                readBuffer.clear();
                int n = s.channel.read(readBuffer);
                if (n < 0) {
                    throw new IOException("A session was closed by the server");
                }
                readBuffer.flip();
                s.parse(readBuffer, this::received);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, timeoutMillis);
    }

    private void received(long number) {
        int slot = slot(number);
        if (number < oldestOpen || ++received[slot] < receivers) {
            return;
        }
        doneAt[slot] = System.nanoTime();
        while (oldestOpen < nextNumber && received[slot(oldestOpen)] == receivers) {
            int done = slot(oldestOpen);
            if (latency != null) {
                latency.recordValue(Math.max(1, (doneAt[done] - sentAt[done]) / 1000));
            }
            completed++;
            oldestOpen++;
        }
    }

    private static int slot(long number) {
        return (int) (number & (SLOTS - 1));
    }

    private static void print(String label, String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "RESULT %s %s %.1f %s%n", label, name, value, unit);
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --flag value, got " + args[i]);
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        return flags;
    }
}
