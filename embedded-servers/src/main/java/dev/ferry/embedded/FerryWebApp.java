package dev.ferry.embedded;

import dev.ferry.servlet.FerryServletContainerInitializer;
import java.util.Set;

/**
 * A root application with Ferry deploying the given endpoints, as if the container had scanned
 * them. Kept apart from {@link WebApp} so that only users who deploy Ferry load Ferry's classes
 * (the benchmarks also start containers with their own WebSocket implementations).
 */
public final class FerryWebApp {

    private FerryWebApp() {
    }

    /** Ferry's initializer first, with {@code endpoints}; add the application's own parts to the builder. */
    public static WebApp.Builder deploying(Set<Class<?>> endpoints) {
        return WebApp.builder().initializer(new Initializer(new FerryServletContainerInitializer(), endpoints));
    }
}
