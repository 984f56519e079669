package dev.ferry.tck.arquillian.tomcat;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Set;
import java.util.function.Consumer;

/** Runs an initializer and tells {@code failures} what it threw, before Tomcat swallows it into a log line. */
final class FailureRecordingInitializer implements ServletContainerInitializer {

    private final ServletContainerInitializer delegate;
    private final Consumer<Throwable> failures;

    FailureRecordingInitializer(ServletContainerInitializer delegate, Consumer<Throwable> failures) {
        this.delegate = delegate;
        this.failures = failures;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        try {
            delegate.onStartup(classes, context);
        } catch (ServletException | RuntimeException | Error e) {
            failures.accept(e);
            throw e;
        }
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
