package dev.ferry.spring.boot.micrometer;

import dev.ferry.metrics.EndpointMetrics;
import dev.ferry.metrics.EndpointMetricsListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The meters of Ferry's endpoints in one registry: added when Ferry publishes an endpoint's
 * counters (deployment, or the first Spring handshake of a handler pattern), removed when the
 * application stops. The meters read Ferry's counters when the registry asks; nothing is copied
 * on the message path.
 */
final class EndpointMeters implements EndpointMetricsListener {

    static final String PREFIX = "ferry.websocket.";

    /** The close codes Ferry sends when it ends a connection for an error; others count as "other". */
    static final List<Integer> ERROR_CLOSE_CODES = List.of(1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011);

    private final MeterRegistry registry;
    private final String application;
    private final Map<EndpointMetrics, List<Meter>> meters = new ConcurrentHashMap<>();

    EndpointMeters(MeterRegistry registry, String application) {
        this.registry = registry;
        this.application = application;
    }

    @Override
    public void added(EndpointMetrics metrics) {
        Tags tags = Tags.of("application", application, "path", metrics.getPath());
        List<Meter> registered = new ArrayList<>();
        registered.add(Gauge.builder(PREFIX + "sessions.open", metrics, EndpointMetrics::getOpenSessions)
                .tags(tags).baseUnit("sessions").description("WebSocket sessions open now").register(registry));
        registered.add(counter("sessions.opened", metrics, EndpointMetrics::getSessionsOpened, tags, "sessions",
                "WebSocket sessions opened since deployment"));
        registered.add(counter("sessions.closed", metrics, EndpointMetrics::getSessionsClosed, tags, "sessions",
                "WebSocket sessions ended since deployment, however they ended"));
        registered.add(counter("messages.received", metrics, EndpointMetrics::getMessagesReceived, tags, "messages",
                "Whole text and binary messages received"));
        registered.add(counter("messages.sent", metrics, EndpointMetrics::getMessagesSent, tags, "messages",
                "Whole text and binary messages sent"));
        registered.add(counter("bytes.received", metrics, EndpointMetrics::getBytesReceived, tags, BaseUnits.BYTES,
                "Bytes of frames received, headers and control frames included"));
        registered.add(counter("bytes.sent", metrics, EndpointMetrics::getBytesSent, tags, BaseUnits.BYTES,
                "Bytes of frames sent, headers and control frames included"));
        registered.add(counter("errors", metrics, EndpointMetrics::getOnErrorCalls, tags, "errors",
                "Errors reported to the endpoint's onError"));
        for (Integer code : ERROR_CLOSE_CODES) {
            registered.add(counter("error.closes", metrics, m -> m.getErrorClosesByCode().getOrDefault(code, 0L),
                    tags.and("code", code.toString()), "connections",
                    "Connections the server closed because something went wrong, by close code"));
        }
        registered.add(counter("error.closes", metrics, EndpointMeters::otherErrorCloses, tags.and("code", "other"),
                "connections", "Connections the server closed because something went wrong, by close code"));
        registered.add(Gauge.builder(PREFIX + "send.queue.high.water.mark", metrics,
                        EndpointMetrics::getSendQueueHighWaterMark)
                .tags(tags).baseUnit(BaseUnits.BYTES)
                .description("The most bytes that ever waited in one session's send queue").register(registry));
        meters.put(metrics, registered);
    }

    @Override
    public void removed(EndpointMetrics metrics) {
        List<Meter> gone = meters.remove(metrics);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }

    private FunctionCounter counter(String name, EndpointMetrics metrics, ToDoubleFunction<EndpointMetrics> count,
            Tags tags, String unit, String description) {
        return FunctionCounter.builder(PREFIX + name, metrics, count)
                .tags(tags).baseUnit(unit).description(description).register(registry);
    }

    private static double otherErrorCloses(EndpointMetrics metrics) {
        long other = 0;
        for (Map.Entry<Integer, Long> entry : metrics.getErrorClosesByCode().entrySet()) {
            if (!ERROR_CLOSE_CODES.contains(entry.getKey())) {
                other += entry.getValue();
            }
        }
        return other;
    }

    @Override
    public String toString() {
        return "Micrometer meters of " + application + " in " + registry;
    }
}
