package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Connection churn: a fixed number of connections in flight, each opened (TCP connect, upgrade
 * request, 101 response checked), closed with the closing handshake, and replaced by a new one
 * once the server has hung up. Measures complete open+close cycles per second.
 */
final class HandshakeScenario implements Scenario {

    private static final long CLOSE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Stop early rather than spin on a server that refuses every connection. */
    private static final int MAX_ERRORS = 100;

    private final int concurrency;
    private final Phases phases;
    private final long serverPid;

    HandshakeScenario(int concurrency, Phases phases, long serverPid) {
        this.concurrency = concurrency;
        this.phases = phases;
        this.serverPid = serverPid;
    }

    @Override
    public String name() {
        return "handshake";
    }

    @Override
    public List<Metric> run(InetSocketAddress server) throws Exception {
        ErrorLog errors = new ErrorLog(name());
        try (EventLoop loop = new EventLoop(server)) {
            Listener listener = new Listener(loop, errors);
            for (int i = 0; i < concurrency; i++) {
                listener.openOne();
            }
            loop.runUntil(() -> errors.count() >= MAX_ERRORS, System.nanoTime() + phases.warmupNanos());
            CostMeter cost = new CostMeter(server, serverPid);
            cost.start();
            listener.completed = 0;
            long start = System.nanoTime();
            loop.runUntil(() -> errors.count() >= MAX_ERRORS, start + phases.measureNanos());
            long completed = listener.completed;
            double seconds = (System.nanoTime() - start) / 1e9;
            cost.stop();
            listener.stopping = true;
            loop.closeAll(System.nanoTime() + CLOSE_DEADLINE_NANOS);
            List<Metric> metrics = new ArrayList<>();
            metrics.add(new Metric(name(), "per_s", completed / seconds, "handshakes/s"));
            metrics.addAll(cost.metrics(name(), completed, "handshake", 0));
            metrics.add(errors.metric());
            return metrics;
        }
    }

    private static final class Listener implements ConnectionListener {
        private final EventLoop loop;
        private final ErrorLog errors;
        long completed;
        boolean stopping;

        Listener(EventLoop loop, ErrorLog errors) {
            this.loop = loop;
            this.errors = errors;
        }

        void openOne() {
            try {
                loop.connect("/echo", this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onOpen(ClientConnection c) {
            c.close();
        }

        @Override
        public void onMessage(ClientConnection c) {
            // none expected: the decoder reports any message as an error
        }

        @Override
        public void onClosed(ClientConnection c, boolean cleanly) {
            completed++;
            if (!stopping) {
                openOne();
            }
        }

        @Override
        public void onError(ClientConnection c, Exception e) {
            errors.add(c, e);
            if (!stopping && errors.count() < MAX_ERRORS) {
                openOne();
            }
        }
    }
}
