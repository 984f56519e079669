package dev.ferry.metrics;

import java.util.Map;

/**
 * The JMX view of one deployed server endpoint, registered as
 * {@code dev.ferry:type=Endpoint,application="<context path>",container=<n>,path="<path template>"}
 * (see docs/metrics.md). Counts are totals since deployment.
 */
public interface EndpointMetricsMXBean {

    /** The endpoint's path template as deployed, e.g. {@code /chat/{room}}. */
    String getPath();

    /** Sessions open now. */
    long getOpenSessions();

    long getSessionsOpened();

    long getSessionsClosed();

    /** Whole text and binary messages received. */
    long getMessagesReceived();

    /** Whole text and binary messages sent. */
    long getMessagesSent();

    /** Bytes received: every frame as it travels (headers, control frames, compressed payloads). */
    long getBytesReceived();

    /** Bytes sent: every frame as it travels, once handed to the connection. */
    long getBytesSent();

    /**
     * Close code to the number of connections the server closed with it because something went
     * wrong (1002 protocol error, 1007 invalid data, 1009 too big, 1011 internal error, 1001 dead
     * peer or send timeout, ...). Closes asked for by the application or the peer are not here.
     */
    Map<Integer, Long> getErrorClosesByCode();

    /** How often an {@code onError} of the endpoint was called. */
    long getOnErrorCalls();

    /** The most bytes that ever waited in one session's send queue. */
    long getSendQueueHighWaterMark();
}
