package dev.ferry.engine;

/**
 * The limits a {@link WebSocketConnection} runs with.
 *
 * @param server             this side is the server (it does not mask; the peer must)
 * @param maxFrameSize       payload bytes one inbound frame may announce (1009 beyond)
 * @param maxQueuedBytes     outbound bytes queued before reading pauses
 * @param closeTimeoutMillis how long the peer gets to answer our close frame
 */
public record ConnectionSettings(boolean server, long maxFrameSize, long maxQueuedBytes, long closeTimeoutMillis) {
}
