package dev.ferry.benchmarks.load;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fan-out: many sessions on {@code /broadcast}; one of them sends a text message, which the server
 * sends to every open session (the sender included), and the next message goes once every session
 * has received the last one, byte for byte. Measures deliveries per second.
 */
final class BroadcastScenario implements Scenario {

    private static final long OPEN_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long CLOSE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** Time for the server to count the last sessions as open after their 101 went out. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int ROUND_DIGITS = 8;

    private final int sessions;
    private final int messageSize;
    private final Phases phases;

    BroadcastScenario(int sessions, int messageSize, Phases phases) {
        this.sessions = sessions;
        this.messageSize = messageSize;
        this.phases = phases;
    }

    @Override
    public String name() {
        return "broadcast";
    }

    @Override
    public List<Metric> run(InetSocketAddress server) throws Exception {
        ErrorLog errors = new ErrorLog(name());
        Listener listener = new Listener(errors);
        double deliveriesPerSecond = Double.NaN;
        try (EventLoop loop = new EventLoop(server)) {
            for (int i = 0; i < sessions; i++) {
                listener.all.add(loop.connect("/broadcast", listener));
            }
            if (!loop.runUntil(() -> listener.opened == sessions || errors.count() > 0,
                    System.nanoTime() + OPEN_DEADLINE_NANOS)) {
                errors.add("only " + listener.opened + " of " + sessions + " sessions opened in time");
            }
            if (errors.count() == 0) {
                loop.runUntil(() -> false, System.nanoTime() + SETTLE_NANOS);
                listener.nextRound();
                loop.runUntil(() -> errors.count() > 0, System.nanoTime() + phases.warmupNanos());
                long roundsBefore = listener.completedRounds;
                long start = System.nanoTime();
                loop.runUntil(() -> errors.count() > 0, start + phases.measureNanos());
                long rounds = listener.completedRounds - roundsBefore;
                deliveriesPerSecond = rounds * (double) sessions / ((System.nanoTime() - start) / 1e9);
                if (rounds == 0) {
                    errors.add("no broadcast reached all " + sessions + " sessions; delivered "
                            + listener.delivered + " of the current one");
                }
            }
            listener.stopping = true;
            loop.closeAll(System.nanoTime() + CLOSE_DEADLINE_NANOS);
        }
        return List.of(new Metric(name(), "deliveries_per_s", deliveriesPerSecond, "msg/s"), errors.metric());
    }

    private final class Listener implements ConnectionListener {
        final ErrorLog errors;
        final List<ClientConnection> all = new ArrayList<>();
        int opened;
        int delivered;
        long completedRounds;
        long round;
        boolean stopping;

        Listener(ErrorLog errors) {
            this.errors = errors;
        }

        void nextRound() {
            byte[] message = new byte[messageSize];
            long n = round++;
            for (int i = 0; i < messageSize; i++) {
                message[i] = (byte) ('A' + i % 26);
            }
            for (int i = ROUND_DIGITS - 1; i >= 0; i--, n >>>= 4) {
                message[i] = (byte) Character.forDigit((int) (n & 0xF), 16);
            }
            delivered = 0;
            for (ClientConnection c : all) {
                c.expect(ClientFrameEncoder.OPCODE_TEXT, message);
            }
            all.get(0).send(ClientFrameEncoder.OPCODE_TEXT, message, false);
        }

        @Override
        public void onOpen(ClientConnection c) {
            opened++;
        }

        @Override
        public void onMessage(ClientConnection c) {
            if (++delivered == sessions) {
                completedRounds++;
                if (!stopping) {
                    nextRound();
                }
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
    }
}
