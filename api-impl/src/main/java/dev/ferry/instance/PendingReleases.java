package dev.ferry.instance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances that went out through an API returning the bare object
 * ({@code Configurator.getEndpointInstance}), remembered by identity until the session they were
 * made for takes over their release. Only instances that need a release are kept, so without CDI
 * this stays empty.
 */
public final class PendingReleases {

    private final Map<Identity, EndpointInstance<?>> pending = new ConcurrentHashMap<>();

    /** Remembers {@code instance} if it needs a release; returns the bare object. */
    public <T> T handOut(EndpointInstance<T> instance) {
        T object = instance.get();
        if (instance.needsRelease()) {
            pending.put(new Identity(object), instance);
        }
        return object;
    }

    /** The release owed for {@code object}, now the caller's; {@code null} when none is owed here. */
    public EndpointInstance<?> take(Object object) {
        if (object == null || pending.isEmpty()) {
            return null;
        }
        return pending.remove(new Identity(object));
    }

    /** How many releases are owed; for tests. */
    public int size() {
        return pending.size();
    }

    /** A key equal only to itself's object: endpoint classes may override equals. */
    private record Identity(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
