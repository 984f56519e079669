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
 */
final class HeapPerConnectionScenario implements Scenario {

    private static final long OPEN_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final long CLOSE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Handshakes in flight at once while opening: enough for speed, few enough for any accept backlog. */
    private static final int OPENING_CONCURRENCY = 64;
    private static final int MESSAGE_SIZE = 64;

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
        long before = HeapStatsClient.usedHeapAfterGc(server);
        double perConnection = Double.NaN;
        try (EventLoop loop = new EventLoop(server)) {
            Listener listener = new Listener(loop, errors);
            for (int i = 0; i < Math.min(OPENING_CONCURRENCY, connections); i++) {
                listener.openOne();
            }
            if (!loop.runUntil(() -> listener.ready == connections || errors.count() > 0,
                    System.nanoTime() + OPEN_DEADLINE_NANOS)) {
                errors.add("only " + listener.ready + " of " + connections + " connections ready in time");
            }
            if (errors.count() == 0) {
                loop.runUntil(() -> false, System.nanoTime() + SETTLE_NANOS);
                long after = HeapStatsClient.usedHeapAfterGc(server);
                perConnection = (after - before) / (double) connections;
                System.err.printf("%s: heap %d -> %d bytes with %d connections%n", name, before, after, connections);
            }
            listener.stopping = true;
            loop.closeAll(System.nanoTime() + CLOSE_DEADLINE_NANOS);
        }
        return List.of(new Metric(name, "heap_per_conn", perConnection, "bytes"), errors.metric());
    }

    private final class Listener implements ConnectionListener {
        private final EventLoop loop;
        private final ErrorLog errors;
        private final byte[] message = new byte[MESSAGE_SIZE];
        int started;
        int ready;
        boolean stopping;

        Listener(EventLoop loop, ErrorLog errors) {
            this.loop = loop;
            this.errors = errors;
            for (int i = 0; i < message.length; i++) {
                message[i] = (byte) ('a' + i % 26);
            }
        }

        void openOne() {
            if (started == connections) {
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
