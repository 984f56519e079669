package dev.ferry.instance;

import dev.ferry.instance.EndpointInstance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Endpoint instances from a running CDI container: each is a non-contextual instance (the
 * endpoint belongs to its connection, not to a CDI scope), with injection, {@code @PostConstruct},
 * and, on release, {@code @PreDestroy} and the destruction of the {@code @Dependent} beans it
 * injected. Beans of other scopes it injects keep their own lives.
 *
 * <p>Loaded only after Ferry found the CDI API visible; nothing else in Ferry refers to CDI types.
 */
public final class CdiInstances {

    private static final System.Logger LOG = System.getLogger(CdiInstances.class.getName());

    private CdiInstances() {
    }

    /**
     * A new injected instance, or {@code null} when no CDI container runs for the caller.
     *
     * @throws InstantiationException when CDI cannot make the instance (an unsatisfied injection
     *                                point, a failing {@code @PostConstruct}, ...)
     */
    public static <T> EndpointInstance<T> createIfRunning(Class<T> endpointClass) throws InstantiationException {
        BeanManager beans = runningBeanManager();
        if (beans == null) {
            return null;
        }
        try {
            Unmanaged.UnmanagedInstance<T> unmanaged = new Unmanaged<>(beans, endpointClass).newInstance();
            unmanaged.produce().inject().postConstruct();
            return new Managed<>(unmanaged);
        } catch (RuntimeException | LinkageError e) {
            InstantiationException failure = new InstantiationException("CDI cannot create an instance of endpoint class "
                    + endpointClass.getName() + ": " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    private static BeanManager runningBeanManager() {
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException e) {
            // The API is there but no container runs (or none for this application).
            return null;
        } catch (RuntimeException | ServiceConfigurationError e) {
            // A provider that fails differently must not fail every handshake: serve without CDI.
            LOG.log(Level.DEBUG, "No CDI container available", e);
            return null;
        }
    }

    /** A non-contextual instance, destroyed once. */
    private static final class Managed<T> implements EndpointInstance<T> {
        private final Unmanaged.UnmanagedInstance<T> unmanaged;
        private final AtomicBoolean released = new AtomicBoolean();

        Managed(Unmanaged.UnmanagedInstance<T> unmanaged) {
            this.unmanaged = unmanaged;
        }

        @Override
        public T get() {
            return unmanaged.get();
        }

        @Override
        public boolean needsRelease() {
            return true;
        }

        @Override
        public void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try {
                unmanaged.preDestroy().dispose();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Destroying the endpoint instance " + unmanaged.get().getClass().getName()
                        + " failed", e);
            }
        }
    }
}
