package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Server heap per WebSocket connection: used heap after a full GC with many connections open,
 * minus the same before they were opened, divided by their number. Either idle connections, or
 * connections that have each echoed one small text message, which shows whether a container keeps
 * message buffers sized by the endpoint's maxMessageSize (16 MiB here) for the life of a session.
 *
 * <p>Before the first measurement, a warm-up set of connections that behave the same is opened
 * and kept open: it pays what a server allocates once, on first use (Tomcat's pool grows by up
 * to a hundred threads when a hundred messages come at once, which came to 3.4 MB, 34 KB "per
 * connection" over 100), and it takes up what the container cached from earlier scenarios'
 * closed connections (Tomcat keeps each closed connection's NioChannel and its two 8 KiB buffers
 * for the next one), so the measured connections start from scratch like any new connection.
 * Kept open, the warm-up connections leave nothing in that cache themselves.
 */
final class HeapPerConnectionScenario implements Scenario {

    private static final long OPEN_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final long CLOSE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Handshakes in flight at once while opening: enough for speed, few enough for any accept backlog. */
    private static final int OPENING_CONCURRENCY = 64;
    private static final int MESSAGE_SIZE = 64;
    /**
     * Idle warm-up connections: more than an earlier scenario may leave in Tomcat's cache
     * (message-heap closes about 164), and more than the 64 opened at a time, which bounds how
     * many threads a phase needs at once. With one message each, only those 64: Tomcat's own
     * implementation keeps 37.8 MB per such connection, and its 8 GB heap holds about 200; the
     * message-heap scenario runs first on a fresh server, so there is no cache to take up.
     */
    private static final int IDLE_WARMUP_CONNECTIONS = 1000;

    private final String name;
    private final int connections;
    private final boolean oneMessage;

    HeapPerConnectionScenario(String name, int connections, boolean oneMessage) {
        this.name = name;
        this.connections = connections;
        this.oneMessage = oneMessage;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Metric> run(InetSocketAddress server) throws Exception {
        ErrorLog errors = new ErrorLog(name);
        double perConnection = Double.NaN;
        try (EventLoop loop = new EventLoop(server)) {
            Listener warmup = new Listener(loop, errors,
                    oneMessage ? OPENING_CONCURRENCY : IDLE_WARMUP_CONNECTIONS);
            Listener measured = new Listener(loop, errors, connections);
            if (openAll(loop, warmup, errors)) {
                loop.runUntil(() -> false, System.nanoTime() + SETTLE_NANOS);
                long before = HeapStatsClient.usedHeapAfterGc(server);
                if (openAll(loop, measured, errors)) {
                    loop.runUntil(() -> false, System.nanoTime() + SETTLE_NANOS);
                    long after = HeapStatsClient.usedHeapAfterGc(server);
                    perConnection = (after - before) / (double) connections;
                    System.err.printf("%s: heap %d -> %d bytes with %d more connections (%d warm-up ones open)%n",
                            name, before, after, connections, warmup.target);
                }
            }
            warmup.stopping = true;
            measured.stopping = true;
            loop.closeAll(System.nanoTime() + CLOSE_DEADLINE_NANOS);
        }
        return List.of(new Metric(name, "heap_per_conn", perConnection, "bytes"), errors.metric());
    }

    /** Opens the listener's connections, a few handshakes at a time; false on an error or timeout. */
    private static boolean openAll(EventLoop loop, Listener listener, ErrorLog errors) throws IOException {
        for (int i = 0; i < Math.min(OPENING_CONCURRENCY, listener.target); i++) {
            listener.openOne();
        }
        if (!loop.runUntil(() -> listener.ready == listener.target || errors.count() > 0,
                System.nanoTime() + OPEN_DEADLINE_NANOS)) {
            errors.add("only " + listener.ready + " of " + listener.target + " connections ready in time");
        }
        return errors.count() == 0;
    }

    private final class Listener implements ConnectionListener {
        private final EventLoop loop;
        private final ErrorLog errors;
        private final byte[] message = new byte[MESSAGE_SIZE];
        final int target;
        int started;
        int ready;
        boolean stopping;

        Listener(EventLoop loop, ErrorLog errors, int target) {
            this.loop = loop;
            this.errors = errors;
            this.target = target;
            for (int i = 0; i < message.length; i++) {
                message[i] = (byte) ('a' + i % 26);
            }
        }

        void openOne() {
            if (started == target) {
                return;
            }
            started++;
            try {
                loop.connect("/echo", this).tag = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onOpen(ClientConnection c) {
            if (oneMessage) {
                c.send(ClientFrameEncoder.OPCODE_TEXT, message, true);
            } else {
                becameReady();
            }
        }

        @Override
        public void onMessage(ClientConnection c) {
            becameReady();
        }

        private void becameReady() {
            ready++;
            openOne();
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
