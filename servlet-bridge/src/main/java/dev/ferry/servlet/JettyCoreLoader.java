package dev.ferry.servlet;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads Ferry's Jetty route (the package {@code dev.ferry.servlet.jetty}) so that it sees both
 * Jetty's core and the rest of Ferry, when Ferry sits in a WAR's {@code WEB-INF/lib}.
 *
 * <p>Why: Ferry needs Jetty's core API in Jetty ({@code JettySupport} says why), but Jetty's
 * web-application class loader hides the server's classes ({@code org.eclipse.jetty.}) from the
 * application, and so from a Ferry inside it. This loader defines the classes of
 * {@code dev.ferry.servlet.jetty} itself, from the bytes in Ferry's jar; it takes Jetty's classes
 * from the class loader of Jetty's servlet environment (the one that loaded the application's
 * {@code ServletContext}), and every other class from the application's class loader, so that the
 * route shares the very same Ferry, Jakarta and JDK classes with the rest of Ferry. The classes it
 * defines are in another run-time package than those of the application's loader: they may use
 * only public types of other Ferry packages, which they do.
 */
final class JettyCoreLoader extends ClassLoader {

    private static final String ROUTE_PACKAGE = "dev.ferry.servlet.jetty.";
    private static final String JETTY_PACKAGE = "org.eclipse.jetty.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader ferry;

    /**
     * @param jetty the class loader of Jetty's servlet environment
     * @param ferry the class loader of Ferry's jar (the application's)
     */
    JettyCoreLoader(ClassLoader jetty, ClassLoader ferry) {
        super("ferry-jetty-route", jetty);
        this.ferry = ferry;
    }

    /** Whether {@code loader} can load the Jetty core classes the route needs. */
    static boolean seesJettyCore(ClassLoader loader) {
        try {
            Class.forName("org.eclipse.jetty.server.HttpStream", false, loader);
            Class.forName("org.eclipse.jetty.io.AbstractConnection", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                if (name.startsWith(ROUTE_PACKAGE)) {
                    type = findClass(name);
                } else if (name.startsWith(JETTY_PACKAGE)) {
                    type = getParent().loadClass(name);
                } else {
                    type = ferry.loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(ROUTE_PACKAGE)) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = ferry.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name + " (not in Ferry's jar)");
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length, JettyCoreLoader.class.getProtectionDomain());
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
