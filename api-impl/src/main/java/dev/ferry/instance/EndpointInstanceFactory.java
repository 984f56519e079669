package dev.ferry.instance;

/**
 * Makes endpoint instances, one per connection, for the server's default configurator and for
 * client endpoints connected by class. {@link #standard()} is the one Ferry uses: CDI when a
 * CDI container is running, plain reflection otherwise.
 */
public interface EndpointInstanceFactory {

    /**
     * A new instance of {@code endpointClass}, ready for use.
     *
     * @throws InstantiationException saying why when the instance cannot be made
     */
    <T> EndpointInstance<T> create(Class<T> endpointClass) throws InstantiationException;

    /** CDI when a CDI container is running for the caller, plain reflection otherwise (decided per instance). */
    static EndpointInstanceFactory standard() {
        return CdiOrReflectionFactory.INSTANCE;
    }

    /** Plain reflection only: the public no-argument constructor, nothing injected. */
    static EndpointInstanceFactory reflective() {
        return ReflectiveInstanceFactory.INSTANCE;
    }
}
