package dev.ferry.embedded;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Set;

/**
 * Keeps the first exception an application's initializers throw while it starts, which the
 * containers only log, so that a failed start can say why.
 */
final class StartFailures {

    private volatile Throwable first;

    /** {@code initializer}, telling this object what it throws (and still throwing it). */
    ServletContainerInitializer watch(ServletContainerInitializer initializer) {
        return new Watched(initializer);
    }

    /** The first failure seen, or {@code null}. */
    Throwable first() {
        return first;
    }

    private synchronized void record(Throwable failure) {
        if (first == null) {
            first = failure;
        }
    }

    /** The exception thrown when a root application does not start. */
    IllegalStateException notStarted() {
        Throwable cause = first;
        return new IllegalStateException("The web application did not start"
                + (cause == null ? "; see the log above" : ": " + cause), cause);
    }

    private final class Watched implements ServletContainerInitializer {
        private final ServletContainerInitializer delegate;

        Watched(ServletContainerInitializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
            try {
                delegate.onStartup(classes, context);
            } catch (ServletException | RuntimeException | Error e) {
                record(e);
                throw e;
            }
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
