package dev.ferry.instance;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/** Instances made by the public no-argument constructor: what the specification asks for without CDI. */
final class ReflectiveInstanceFactory implements EndpointInstanceFactory {

    /** Stateless, so one is enough. */
    static final ReflectiveInstanceFactory INSTANCE = new ReflectiveInstanceFactory();

    private ReflectiveInstanceFactory() {
    }

    @Override
    public <T> EndpointInstance<T> create(Class<T> endpointClass) throws InstantiationException {
        Objects.requireNonNull(endpointClass, "endpointClass");
        try {
            return new Plain<>(endpointClass.getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw failure(endpointClass, "its constructor threw " + e.getCause(), e.getCause());
        } catch (NoSuchMethodException e) {
            throw failure(endpointClass, "it has no public no-argument constructor", e);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw failure(endpointClass, e.toString(), e);
        }
    }

    /** An {@link InstantiationException} naming the class and the reason, with its cause. */
    static InstantiationException failure(Class<?> endpointClass, String reason, Throwable cause) {
        InstantiationException failure = new InstantiationException(
                "Cannot create an instance of endpoint class " + endpointClass.getName() + ": " + reason);
        failure.initCause(cause);
        return failure;
    }

    /** A plain object: nothing to do when its session ends. */
    private record Plain<T>(T get) implements EndpointInstance<T> {
        @Override
        public boolean needsRelease() {
            return false;
        }

        @Override
        public void release() {
            // Nothing was acquired for it.
        }
    }
}
