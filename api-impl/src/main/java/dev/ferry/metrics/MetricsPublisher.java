package dev.ferry.metrics;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoint counters of one server container as its {@link EndpointMetricsListener}s see them:
 * a listener added late hears of everything published before, and nothing is published after
 * {@link #withdrawAll()} (shutdown, or a failed deployment). A listener that throws is logged and skipped: monitoring must
 * not stop an application from deploying or a connection from opening.
 *
 * <p>Publishing is rare, so one monitor guards the lists; listeners are called outside it.
 */
public final class MetricsPublisher {

    private static final System.Logger LOG = System.getLogger(MetricsPublisher.class.getName());

    private final List<EndpointMetrics> published = new ArrayList<>();
    private final List<EndpointMetricsListener> listeners = new ArrayList<>();
    private boolean closed;

    /** Adds a listener and tells it of every endpoint published so far. */
    public void addListener(EndpointMetricsListener listener) {
        List<EndpointMetrics> replay;
        synchronized (this) {
            if (closed) {
                return;
            }
            listeners.add(listener);
            replay = List.copyOf(published);
        }
        replay.forEach(metrics -> notifyAdded(listener, metrics));
    }

    public void publish(EndpointMetrics metrics) {
        List<EndpointMetricsListener> targets;
        synchronized (this) {
            if (closed) {
                return;
            }
            published.add(metrics);
            targets = List.copyOf(listeners);
        }
        targets.forEach(listener -> notifyAdded(listener, metrics));
    }

    /** Withdraws everything published; later publications are ignored. */
    public void withdrawAll() {
        List<EndpointMetrics> gone;
        List<EndpointMetricsListener> targets;
        synchronized (this) {
            closed = true;
            gone = new ArrayList<>(published);
            published.clear();
            targets = List.copyOf(listeners);
            listeners.clear();
        }
        for (EndpointMetricsListener listener : targets) {
            for (EndpointMetrics metrics : gone) {
                try {
                    listener.removed(metrics);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Ferry WebSocket: metrics listener " + listener + " failed", e);
                }
            }
        }
    }

    private static void notifyAdded(EndpointMetricsListener listener, EndpointMetrics metrics) {
        try {
            listener.added(metrics);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ferry WebSocket: metrics listener " + listener + " failed", e);
        }
    }
}
