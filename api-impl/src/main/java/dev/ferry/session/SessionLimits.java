package dev.ferry.session;

/**
 * The settings one session starts with: the container's defaults, overridden per endpoint.
 */
public record SessionLimits(
        int maxTextMessageSize,
        int maxBinaryMessageSize,
        long maxFrameSize,
        long idleTimeoutMillis,
        long sendTimeoutMillis,
        long closeTimeoutMillis,
        long maxOutboundBytes) {
}
