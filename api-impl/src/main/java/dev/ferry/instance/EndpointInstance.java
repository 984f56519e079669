package dev.ferry.instance;

/**
 * One endpoint instance made for one connection, with what must happen when that connection ends.
 *
 * @param <T> the endpoint class
 */
public interface EndpointInstance<T> {

    /** The instance. */
    T get();

    /**
     * Whether {@link #release()} does anything: only then must the owner keep this handle until
     * the session ends (a plain object made by reflection is simply left to the garbage collector).
     */
    boolean needsRelease();

    /**
     * Ends the instance's life: under CDI its {@code @PreDestroy} runs and the {@code @Dependent}
     * beans it injected are destroyed with it. Idempotent.
     */
    void release();
}
