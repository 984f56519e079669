package dev.ferry.servlet;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.servlet.route.ContainerRoute;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/**
 * Finds, at the application's start, Ferry's route through Jetty's core API
 * ({@code dev.ferry.servlet.jetty.JettyUpgrade}, which says why Jetty's servlet upgrade cannot be
 * used). Touches no Jetty class itself, so it loads in every container.
 *
 * <p>Where Ferry is installed decides how the route's classes see Jetty's core: at server level
 * (a Jetty module in the ee10/ee11 environment) the bridge's own class loader sees it; inside a
 * WAR's {@code WEB-INF/lib}, Jetty hides its server classes from the application, and
 * {@link JettyCoreLoader} loads the route next to Jetty's core instead. If neither works, the
 * deployment fails: the servlet upgrade would answer the handshake and then lose the connection.
 */
final class JettySupport {

    /** What a user must do when the route cannot work, for the deployment error. */
    static final String HOW_TO_INSTALL = "Install Ferry in Jetty at server level instead: put ferry-<version>.jar "
            + "and the jakarta.websocket API 2.2 jars into the Jetty base's lib/ferry/ and enable Ferry's module "
            + "(java -jar $JETTY_HOME/start.jar --add-modules=ferry-ee10, or ferry-ee11), as Ferry's "
            + "docs/install-jetty.md says; keep Jetty's own WebSocket modules off";

    private static final String ROUTE_CLASS = "dev.ferry.servlet.jetty.JettyUpgrade";

    private JettySupport() {
    }

    /** Whether {@code context} is a Jetty web application. */
    static boolean inJetty(ServletContext context) {
        return context.getClass().getName().startsWith("org.eclipse.jetty.");
    }

    /**
     * @return Ferry's route through Jetty's core, or null when not in Jetty
     * @throws ServletException in Jetty, when the route cannot work here
     */
    static ContainerRoute detect(ServletContext context, FerryServerContainer container) throws ServletException {
        if (!inJetty(context)) {
            return null;
        }
        ClassLoader own = JettySupport.class.getClassLoader();
        ClassLoader jetty = context.getClass().getClassLoader();
        boolean insideWar = !JettyCoreLoader.seesJettyCore(own);
        try {
            if (insideWar && !JettyCoreLoader.seesJettyCore(jetty)) {
                throw new ServletException("Ferry WebSocket cannot reach Jetty's core classes from "
                        + ContainerRoutes.describe(context) + ", which Ferry needs to take connections over in Jetty. "
                        + HOW_TO_INSTALL + ".");
            }
            ClassLoader routeLoader = insideWar ? new JettyCoreLoader(jetty, own) : own;
            Class<?> route = Class.forName(ROUTE_CLASS, true, routeLoader);
            return (ContainerRoute) route.getConstructor(ServletContext.class, FerryServerContainer.class, boolean.class)
                    .newInstance(context, container, insideWar);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause() : e;
            throw new ServletException("Ferry WebSocket cannot use Jetty's core API in " + ContainerRoutes.describe(context)
                    + " (" + cause + "), and Jetty's servlet upgrade would lose every WebSocket connection after "
                    + "its handshake. " + (insideWar ? HOW_TO_INSTALL + "." : "Please report this with Jetty's version."),
                    cause);
        }
    }
}
