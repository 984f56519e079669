package dev.ferry.config;

import dev.ferry.config.FerrySettings;
import jakarta.websocket.WebSocketContainer;
import java.util.Map;

/**
 * The container-wide session defaults that {@link WebSocketContainer} lets an application change
 * (idle timeout, async send timeout, text and binary buffer sizes), shared by the server and the
 * client container: they extend this class, which implements those eight methods once.
 */
public abstract class SessionDefaults implements WebSocketContainer {

    private final FerrySettings settings;
    private volatile long idleTimeout;
    private volatile long asyncSendTimeout;
    private volatile int maxText;
    private volatile int maxBinary;
    /** The limits last handed out, shared by the sessions that resolve to equal ones (most do). */
    private volatile SessionLimits lastLimits;

    protected SessionDefaults(FerrySettings settings) {
        this.settings = settings;
        this.idleTimeout = settings.idleTimeoutMillis();
        this.asyncSendTimeout = settings.sendTimeoutMillis();
        this.maxText = SessionLimits.clampToInt(settings.maxTextMessageSize());
        this.maxBinary = SessionLimits.clampToInt(settings.maxBinaryMessageSize());
    }

    protected final FerrySettings settings() {
        return settings;
    }

    /** The limits a new session starts with: these defaults, overridden by the endpoint's user properties. */
    protected final SessionLimits limitsFor(Map<String, Object> userProperties) {
        SessionLimits limits = SessionLimits.resolve(userProperties, settings, idleTimeout, asyncSendTimeout, maxText,
                maxBinary);
        SessionLimits last = lastLimits;
        if (limits.equals(last)) {
            return last; // the new one is garbage at once; ten thousand idle sessions keep one
        }
        lastLimits = limits;
        return limits;
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return asyncSendTimeout;
    }

    @Override
    public void setAsyncSendTimeout(long timeoutmillis) {
        asyncSendTimeout = timeoutmillis;
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return idleTimeout;
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        idleTimeout = timeout;
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return maxBinary;
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        maxBinary = max;
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return maxText;
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        maxText = max;
    }
}
