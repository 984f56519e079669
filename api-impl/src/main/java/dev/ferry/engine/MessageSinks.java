package dev.ferry.engine;

/**
 * Where a connection's messages go: the session's handlers, looked up once per message as it
 * starts (handlers come and go while the connection runs). Implementations publish their sinks so
 * that these lookups take no lock.
 */
public interface MessageSinks {

    /** The sink for a text message that is starting, or {@code null} when nobody takes text now. */
    TextSink textSink();

    /** The sink for a binary message that is starting, or {@code null} when nobody takes binary now. */
    BinarySink binarySink();

    /** The sink for pongs, or {@code null} when nobody takes them. */
    PongSink pongSink();
}
