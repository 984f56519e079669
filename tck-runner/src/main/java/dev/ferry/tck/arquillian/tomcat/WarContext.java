package dev.ferry.tck.arquillian.tomcat;

import jakarta.servlet.ServletContainerInitializer;
import java.util.Set;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * The context Tomcat creates for each deployed WAR (the host's context class). It differs from
 * Tomcat's own in three ways, each for the tests' sake:
 * <ul>
 * <li>it scans the WAR only, not the JVM's class path: the test classes are on that class path too,
 *     and scanning them would deploy every test's endpoints (valid and invalid) into every WAR;</li>
 * <li>it keeps the first exception a {@code ServletContainerInitializer} throws, which Tomcat only
 *     logs, so that the adapter can report why a deployment failed;</li>
 * <li>it maps Tomcat's default servlet to {@code /} (as Tomcat's default web.xml would), so that a
 *     WebSocket handshake maps to a servlet and passes through Ferry's upgrade filter.</li>
 * </ul>
 */
public class WarContext extends StandardContext {

    private volatile Throwable startFailure;

    public WarContext() {
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        setJarScanner(scanner);
    }

    /** The first exception an initializer threw while this context started, or {@code null}. */
    Throwable startFailure() {
        return startFailure;
    }

    @Override
    public void addServletContainerInitializer(ServletContainerInitializer initializer, Set<Class<?>> classes) {
        super.addServletContainerInitializer(new FailureRecordingInitializer(initializer, this::recordFailure), classes);
    }

    private void recordFailure(Throwable failure) {
        if (startFailure == null) {
            startFailure = failure;
        }
    }

    @Override
    protected synchronized void startInternal() throws LifecycleException {
        // Overridable, so that a servlet the WAR maps to "/" replaces it.
        Wrapper defaultServlet = Tomcat.addServlet(this, "default", "org.apache.catalina.servlets.DefaultServlet");
        defaultServlet.setLoadOnStartup(1);
        defaultServlet.setOverridable(true);
        addServletMappingDecoded("/", "default");
        super.startInternal();
    }
}
