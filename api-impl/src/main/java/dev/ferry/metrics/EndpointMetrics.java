package dev.ferry.metrics;

import dev.ferry.session.SessionCounters;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one deployed server endpoint, shared by all its sessions, and their JMX view.
 * Counting is lock-free and allocates nothing on the per-message path: {@link LongAdder}s, which
 * spread contention over cells, and a compare-and-set only when a send queue reaches a new high.
 * Only a close for an error (at most once per connection) may box its code.
 */
public final class EndpointMetrics implements SessionCounters, EndpointMetricsMXBean {

    private final String path;
    private final LongAdder opened = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder onErrorCalls = new LongAdder();
    private final Map<Integer, LongAdder> errorCloses = new ConcurrentHashMap<>();
    private final AtomicLong queueHighWaterMark = new AtomicLong();

    /** @param path the endpoint's path template */
    public EndpointMetrics(String path) {
        this.path = path;
    }

    // ---- counting (SessionCounters) -----------------------------------------------------------

    @Override
    public void sessionOpened() {
        opened.increment();
    }

    @Override
    public void sessionClosed() {
        closed.increment();
    }

    @Override
    public void bytesReceived(long bytes) {
        bytesIn.add(bytes);
    }

    @Override
    public void bytesSent(long bytes) {
        bytesOut.add(bytes);
    }

    @Override
    public void messageReceived() {
        messagesIn.increment();
    }

    @Override
    public void messageSent() {
        messagesOut.increment();
    }

    @Override
    public void closedOnError(int closeCode) {
        errorCloses.computeIfAbsent(closeCode, code -> new LongAdder()).increment();
    }

    @Override
    public void errorReported() {
        onErrorCalls.increment();
    }

    @Override
    public void outboundQueueReached(long queuedBytes) {
        long known = queueHighWaterMark.get();
        while (queuedBytes > known && !queueHighWaterMark.compareAndSet(known, queuedBytes)) {
            known = queueHighWaterMark.get();
        }
    }

    // ---- reading (JMX) ------------------------------------------------------------------------

    @Override
    public String getPath() {
        return path;
    }

    @Override
    public long getOpenSessions() {
        // Read closed first: a session closing in between then shows as still open, never as -1.
        long closedSoFar = closed.sum();
        return Math.max(0, opened.sum() - closedSoFar);
    }

    @Override
    public long getSessionsOpened() {
        return opened.sum();
    }

    @Override
    public long getSessionsClosed() {
        return closed.sum();
    }

    @Override
    public long getMessagesReceived() {
        return messagesIn.sum();
    }

    @Override
    public long getMessagesSent() {
        return messagesOut.sum();
    }

    @Override
    public long getBytesReceived() {
        return bytesIn.sum();
    }

    @Override
    public long getBytesSent() {
        return bytesOut.sum();
    }

    @Override
    public Map<Integer, Long> getErrorClosesByCode() {
        Map<Integer, Long> snapshot = new TreeMap<>();
        errorCloses.forEach((code, count) -> snapshot.put(code, count.sum()));
        return snapshot;
    }

    @Override
    public long getOnErrorCalls() {
        return onErrorCalls.sum();
    }

    @Override
    public long getSendQueueHighWaterMark() {
        return queueHighWaterMark.get();
    }
}
