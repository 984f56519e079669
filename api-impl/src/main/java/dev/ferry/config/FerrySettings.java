package dev.ferry.config;

import java.util.function.Function;

/**
 * Container-wide defaults. The servlet bridge reads them from servlet-context init parameters
 * named {@code dev.ferry.<name>} (see docs/configuration.md); an endpoint can override the
 * per-session ones through its {@code ServerEndpointConfig} user properties of the same names.
 *
 * @param maxTextMessageSize   bytes of UTF-8 a whole text message may have (1009 beyond)
 * @param maxBinaryMessageSize bytes a whole binary message may have (1009 beyond)
 * @param maxFrameSize         payload bytes one frame may announce (1009 beyond)
 * @param idleTimeoutMillis    a session with no traffic for this long is closed (1001); 0 = never
 * @param sendTimeoutMillis    deadline of a blocking send, and default of async sends; 0 = none
 * @param closeTimeoutMillis   how long to wait for the peer's close frame before dropping TCP
 * @param maxOutboundBytes     bytes queued for sending per session before reading pauses / async sends fail
 * @param pingIntervalMillis   a ping is sent after this long (0 = never), to keep proxies from
 *                             dropping quiet connections and to find dead peers
 * @param pongTimeoutMillis    a connection whose ping got no pong within this long is closed (1001)
 * @param deflate              whether permessage-deflate is negotiated when a client offers it
 * @param allowedOrigins       browser origins allowed to open WebSockets (e.g. {@code https://chat.example});
 *                             empty allows every origin; a request without Origin (not a browser) is
 *                             always allowed
 * @param deflateContextTakeover false: both sides compress each message afresh, so an idle
 *                             connection holds no compression state (less memory, less compression)
 * @param jmx                  whether each deployed endpoint's metrics are registered as an MBean
 *                             in the platform MBean server
 * @param directIo             whether Ferry reads and writes an upgraded plain-TCP connection's socket
 *                             itself when the container allows it (Tomcat's NIO connector, Jetty),
 *                             instead of going through the container's streams
 * @param ioThreads            selector threads for such connections (they only move bytes; endpoint
 *                             callbacks run on the container's threads); 0 = chosen from the CPU count
 * @param inlineDelivery       whether a direct-I/O connection whose callbacks have shown they are
 *                             short has them run on its I/O thread, without a hand-off to the
 *                             container's threads
 * @param messageBufferPool    bytes of arrays for large messages (64 KiB and more) kept for the next
 *                             ones; 0 = none (each large message gets a new array)
 */
public record FerrySettings(
        long maxTextMessageSize,
        long maxBinaryMessageSize,
        long maxFrameSize,
        long idleTimeoutMillis,
        long sendTimeoutMillis,
        long closeTimeoutMillis,
        long maxOutboundBytes,
        long pingIntervalMillis,
        long pongTimeoutMillis,
        boolean deflate,
        boolean deflateContextTakeover,
        java.util.List<String> allowedOrigins,
        boolean jmx,
        boolean directIo,
        long ioThreads,
        boolean inlineDelivery,
        long messageBufferPool) {

    public FerrySettings {
        allowedOrigins = java.util.List.copyOf(allowedOrigins);
    }

    /** {@link #ioThreads} as configured, or one per two cores (at least 1, at most 4) when 0. */
    public int effectiveIoThreads() {
        if (ioThreads > 0) {
            return (int) Math.min(ioThreads, 256);
        }
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
    }

    public static final String PREFIX = "dev.ferry.";

    public static FerrySettings defaults() {
        return new FerrySettings(64 * 1024, 64 * 1024, 16L * 1024 * 1024, 0, 30_000, 5_000, 4L * 1024 * 1024,
                0, 10_000, true, true, java.util.List.of(), true, true, 0, true, 64L * 1024 * 1024);
    }

    /**
     * Reads each setting through {@code lookup} (given the full name, e.g.
     * {@code dev.ferry.maxTextMessageSize}; {@code null} means "keep the default").
     *
     * @throws IllegalArgumentException naming the setting when a value is not a non-negative number
     */
    public static FerrySettings from(Function<String, String> lookup) {
        FerrySettings d = defaults();
        return new FerrySettings(
                read(lookup, "maxTextMessageSize", d.maxTextMessageSize),
                read(lookup, "maxBinaryMessageSize", d.maxBinaryMessageSize),
                read(lookup, "maxFrameSize", d.maxFrameSize),
                read(lookup, "idleTimeout", d.idleTimeoutMillis),
                read(lookup, "sendTimeout", d.sendTimeoutMillis),
                read(lookup, "closeTimeout", d.closeTimeoutMillis),
                read(lookup, "maxOutboundBytes", d.maxOutboundBytes),
                read(lookup, "pingInterval", d.pingIntervalMillis),
                read(lookup, "pongTimeout", d.pongTimeoutMillis),
                readFlag(lookup, "deflate", d.deflate),
                readFlag(lookup, "deflateContextTakeover", d.deflateContextTakeover),
                readList(lookup, "allowedOrigins", d.allowedOrigins),
                readFlag(lookup, "jmx", d.jmx),
                readFlag(lookup, "directIo", d.directIo),
                read(lookup, "ioThreads", d.ioThreads),
                readFlag(lookup, "inlineDelivery", d.inlineDelivery),
                read(lookup, "messageBufferPool", d.messageBufferPool));
    }

    /** A comma- or whitespace-separated list; "*" (or nothing) means every origin. */
    private static java.util.List<String> readList(Function<String, String> lookup, String name,
            java.util.List<String> fallback) {
        String value = lookup.apply(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        java.util.List<String> items = java.util.Arrays.stream(value.split("[,\\s]+"))
                .filter(item -> !item.isEmpty()).toList();
        return items.contains("*") ? java.util.List.of() : items;
    }

    /** Whether a handshake with this {@code Origin} header (null when absent) may proceed. */
    public boolean allowsOrigin(String origin) {
        if (allowedOrigins.isEmpty() || origin == null) {
            return true;
        }
        for (String allowed : allowedOrigins) {
            if (allowed.equalsIgnoreCase(origin.trim())) {
                return true;
            }
        }
        return false;
    }

    private static boolean readFlag(Function<String, String> lookup, String name, boolean fallback) {
        String value = lookup.apply(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "Setting " + PREFIX + name + " must be true or false, not '" + value + "'");
        };
    }

    private static long read(Function<String, String> lookup, String name, long fallback) {
        String value = lookup.apply(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Setting " + PREFIX + name + " must be a non-negative whole number, not '" + value + "'", e);
        }
    }
}
