package dev.ferry.embedded;

import jakarta.servlet.ServletContainerInitializer;
import java.util.Set;

/**
 * A {@link ServletContainerInitializer} and the classes a container would hand it after scanning
 * (for Ferry's: the endpoint classes to deploy).
 */
public record Initializer(ServletContainerInitializer initializer, Set<Class<?>> classes) {

    public Initializer {
        if (initializer == null) {
            throw new NullPointerException("initializer");
        }
        classes = Set.copyOf(classes);
    }

    /** An initializer that scanned nothing, e.g. one that registers the application's own servlets. */
    public static Initializer of(ServletContainerInitializer initializer) {
        return new Initializer(initializer, Set.of());
    }
}
