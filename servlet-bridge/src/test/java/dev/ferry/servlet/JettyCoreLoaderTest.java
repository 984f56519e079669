package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.servlet.route.ContainerRoute;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.server.HttpStream;
import org.junit.jupiter.api.Test;

/**
 * Ferry inside a WAR on Jetty: the application's class loader, like Jetty's, loads Ferry's classes
 * itself and hides Jetty's server classes; {@link JettyCoreLoader} must give Ferry's Jetty route
 * both, sharing every Ferry class but the route's own with the application.
 */
class JettyCoreLoaderTest {

    @Test
    void definesTheJettyRouteNextToJettysCoreAndSharesTheRestOfFerryWithTheApplication() throws Exception {
        ClassLoader jetty = JettyCoreLoaderTest.class.getClassLoader();
        try (WebAppLikeLoader application = new WebAppLikeLoader(jetty)) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(HttpStream.class.getName(), false, application));
            assertFalse(JettyCoreLoader.seesJettyCore(application));
            Class<?> applicationsRoute = Class.forName(ContainerRoute.class.getName(), false, application);
            assertNotSame(ContainerRoute.class, applicationsRoute, "the application should load Ferry itself");

            JettyCoreLoader loader = new JettyCoreLoader(jetty, application);
            assertTrue(JettyCoreLoader.seesJettyCore(loader));
            Class<?> route = Class.forName("dev.ferry.servlet.jetty.JettyUpgrade", true, loader);
            assertSame(loader, route.getClassLoader(), "the route is defined next to Jetty's core");
            assertEquals(Arrays.asList(applicationsRoute), Arrays.asList(route.getInterfaces()),
                    "the route implements the application's ContainerRoute, so Ferry can call it");
            assertSame(Class.forName(FerryServerContainer.class.getName(), false, application),
                    route.getConstructors()[0].getParameterTypes()[1], "the route takes the application's container");
            assertSame(AbstractConnection.class,
                    Class.forName("dev.ferry.servlet.jetty.JettyEndPointTransport", true, loader).getSuperclass(),
                    "the route's connections extend Jetty's own AbstractConnection");
            assertSame(String.class, Class.forName(String.class.getName(), false, loader));
        }
    }

    @Test
    void definesOnlyFerrysJettyPackage() {
        JettyCoreLoader loader = new JettyCoreLoader(JettyCoreLoaderTest.class.getClassLoader(),
                JettyCoreLoaderTest.class.getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> loader.findClass(RouteLog.class.getName()));
        assertThrows(ClassNotFoundException.class, () -> loader.findClass("dev.ferry.servlet.jetty.NoSuchClass"));
    }

    /**
     * Loads Ferry (servlet bridge and API implementation) from their class directories itself, as
     * Jetty's web-application class loader loads WEB-INF/lib first, and hides Jetty's classes.
     */
    private static final class WebAppLikeLoader extends URLClassLoader {
        WebAppLikeLoader(ClassLoader parent) {
            super("web-app-like", new URL[] {codeSource(ContainerRoute.class), codeSource(FerryServerContainer.class)},
                    parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("org.eclipse.jetty.")) {
                    throw new ClassNotFoundException(name + " (hidden from web applications)");
                }
                Class<?> type = findLoadedClass(name);
                if (type == null && name.startsWith("dev.ferry.")) {
                    type = findClass(name);
                }
                if (type == null) {
                    type = getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        private static URL codeSource(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }
    }
}
