package dev.ferry.instance;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * An endpoint whose instance must be released when its session ends (a CDI instance, whose
 * {@code @PreDestroy} then runs): delegates every callback, and releases right after
 * {@code onClose}, which a session calls exactly once.
 */
public final class ReleasingEndpoint extends Endpoint {

    private final Endpoint delegate;
    private final EndpointInstance<?> instance;

    public ReleasingEndpoint(Endpoint delegate, EndpointInstance<?> instance) {
        this.delegate = delegate;
        this.instance = instance;
    }

    /** {@code endpoint} itself when {@code instance} needs no release, else a releasing wrapper. */
    public static Endpoint wrap(Endpoint endpoint, EndpointInstance<?> instance) {
        return instance == null || !instance.needsRelease() ? endpoint : new ReleasingEndpoint(endpoint, instance);
    }

    /** Releases {@code endpoint}'s instance if it is a releasing one (for sessions that never opened). */
    public static void releaseIfOwed(Endpoint endpoint) {
        if (endpoint instanceof ReleasingEndpoint releasing) {
            releasing.release();
        }
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        delegate.onOpen(session, config);
    }

    @Override
    public void onError(Session session, Throwable thr) {
        delegate.onError(session, thr);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        try {
            delegate.onClose(session, closeReason);
        } finally {
            release();
        }
    }

    /** Releases the instance now; idempotent. */
    public void release() {
        instance.release();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
