package dev.ferry.config;

import dev.ferry.config.FerrySettings;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The settings one session starts with: the container's defaults, overridden per endpoint.
 *
 * @param pingIntervalMillis send a ping after this long (0 = never) ...
 * @param pongTimeoutMillis  ... and end the connection when no pong came back within this long
 */
public record SessionLimits(
        int maxTextMessageSize,
        int maxBinaryMessageSize,
        long maxFrameSize,
        long idleTimeoutMillis,
        long sendTimeoutMillis,
        long closeTimeoutMillis,
        long maxOutboundBytes,
        long pingIntervalMillis,
        long pongTimeoutMillis) {

    private static final System.Logger LOG = System.getLogger(SessionLimits.class.getName());

    /**
     * The container's defaults ({@code base}, with the container-wide values an application may
     * have changed through the {@code WebSocketContainer} setters), each overridden by an endpoint
     * user property of the same {@code dev.ferry.*} name.
     */
    public static SessionLimits resolve(Map<String, Object> properties, FerrySettings base, long idleTimeout,
            long sendTimeout, int maxText, int maxBinary) {
        return new SessionLimits(
                clampToInt(number(properties, "maxTextMessageSize", maxText)),
                clampToInt(number(properties, "maxBinaryMessageSize", maxBinary)),
                number(properties, "maxFrameSize", base.maxFrameSize()),
                number(properties, "idleTimeout", idleTimeout),
                number(properties, "sendTimeout", sendTimeout),
                number(properties, "closeTimeout", base.closeTimeoutMillis()),
                number(properties, "maxOutboundBytes", base.maxOutboundBytes()),
                number(properties, "pingInterval", base.pingIntervalMillis()),
                number(properties, "pongTimeout", base.pongTimeoutMillis()));
    }

    private static long number(Map<String, Object> properties, String name, long fallback) {
        Object value = properties.get(FerrySettings.PREFIX + name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.log(Level.WARNING, "Ignoring endpoint property " + FerrySettings.PREFIX + name + "='" + value
                + "': not a non-negative whole number");
        return fallback;
    }

    public static int clampToInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, value));
    }
}
