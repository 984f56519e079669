package dev.ferry.instance;

/**
 * Asks CDI for instances when a CDI container is running, and falls back to reflection when none
 * is. Touches no CDI class itself: {@code CdiInstances} is loaded only once the CDI API
 * proved visible, so Ferry runs without it (as the Jetty route does without Jetty).
 *
 * <p>Whether a container runs is asked for every instance, since it may start after Ferry (or
 * stop before it); that costs one {@code CDI.current()} per connection, never per message.
 */
final class CdiOrReflectionFactory implements EndpointInstanceFactory {

    static final CdiOrReflectionFactory INSTANCE = new CdiOrReflectionFactory();

    /** Whether the CDI API classes are visible to Ferry (fixed for the class loader's life). */
    private static final boolean CDI_API_VISIBLE = cdiApiVisible();

    private CdiOrReflectionFactory() {
    }

    @Override
    public <T> EndpointInstance<T> create(Class<T> endpointClass) throws InstantiationException {
        if (CDI_API_VISIBLE) {
            EndpointInstance<T> managed = dev.ferry.instance.CdiInstances.createIfRunning(endpointClass);
            if (managed != null) {
                return managed;
            }
        }
        return ReflectiveInstanceFactory.INSTANCE.create(endpointClass);
    }

    private static boolean cdiApiVisible() {
        try {
            ClassLoader loader = CdiOrReflectionFactory.class.getClassLoader();
            Class.forName("jakarta.enterprise.inject.spi.CDI", false, loader);
            Class.forName("jakarta.enterprise.inject.spi.Unmanaged", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
