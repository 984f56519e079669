package dev.ferry.servlet;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.servlet.route.ContainerRoute;
import jakarta.servlet.ServletContext;

/**
 * Finds out, at the application's start, whether Tomcat's internal upgrade can carry this
 * application's plain-TCP connections ({@code dev.ferry.servlet.tomcat.TomcatUpgrade}). Touches no
 * Tomcat class itself, so it loads in every container; every call into the Tomcat package is
 * guarded, since a Tomcat version whose internals differ shows up as a {@link LinkageError}.
 */
final class TomcatSupport {

    /** A constant, so using it loads no Tomcat class. */
    private static final String ROUTE = dev.ferry.servlet.tomcat.TomcatUpgrade.NAME;

    private TomcatSupport() {
    }

    /** Whether {@code context} is a Tomcat web application (Tomcat's facade of its context). */
    static boolean inTomcat(ServletContext context) {
        return context.getClass().getName().startsWith("org.apache.catalina.");
    }

    /**
     * @return Tomcat's route, or null when it cannot work here: then the cause is logged as a
     *         warning, since in Tomcat it should
     */
    static ContainerRoute detect(FerryServerContainer container, RouteLog log) {
        String consequence = "every connection takes the servlet upgrade, which works but costs more per message";
        ClassLoader loader = TomcatSupport.class.getClassLoader();
        try {
            Class.forName("org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler", false, loader);
            Class.forName("org.apache.coyote.http11.Http11NioProtocol", false, loader);
            Class.forName("org.apache.catalina.connector.RequestFacade", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            log.unavailable(ROUTE, consequence + " (Tomcat's connector classes are out of reach of Ferry's jar)", e);
            return null;
        }
        try {
            Throwable missing = dev.ferry.servlet.tomcat.TomcatUpgrade.unavailable();
            if (missing != null) {
                log.unavailable(ROUTE, consequence, missing);
                return null;
            }
            Throwable noBufferRelease = dev.ferry.servlet.tomcat.TomcatUpgrade.socketBuffersStayAllocated();
            if (noBufferRelease != null) {
                log.unavailable("releasing Tomcat's socket buffers while Ferry owns a connection",
                        "each WebSocket connection keeps Tomcat's two socket buffers (16 KiB by default)",
                        noBufferRelease);
            }
            return new dev.ferry.servlet.tomcat.TomcatUpgrade(container);
        } catch (RuntimeException | LinkageError e) {
            log.unavailable(ROUTE, consequence, e);
            return null;
        }
    }
}
