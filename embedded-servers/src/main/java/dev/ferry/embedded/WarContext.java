package dev.ferry.embedded;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * The context Tomcat creates for each deployed WAR (its host's context class; public for that
 * reason only). It differs from Tomcat's own in three ways:
 * <ul>
 * <li>it scans the WAR only, not the JVM's class path: tests' class paths hold many endpoints
 *     (valid and invalid), and scanning them would deploy all of them into every WAR;</li>
 * <li>it keeps the first exception a {@code ServletContainerInitializer} throws, which Tomcat only
 *     logs, so that a failed deployment can say why;</li>
 * <li>it maps Tomcat's default servlet to {@code /} (as Tomcat's default web.xml would, which
 *     embedded Tomcat does not read), so that a WebSocket handshake maps to a servlet and passes
 *     through Ferry's upgrade filter.</li>
 * </ul>
 */
public class WarContext extends StandardContext {

    private final StartFailures failures = new StartFailures();

    public WarContext() {
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        setJarScanner(scanner);
    }

    /** The first exception an initializer threw while this context started, or {@code null}. */
    Throwable startFailure() {
        return failures.first();
    }

    @Override
    public void addServletContainerInitializer(jakarta.servlet.ServletContainerInitializer initializer,
            java.util.Set<Class<?>> classes) {
        super.addServletContainerInitializer(failures.watch(initializer), classes);
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
