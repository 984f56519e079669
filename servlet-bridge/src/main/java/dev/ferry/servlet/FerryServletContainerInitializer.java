package dev.ferry.servlet;

import dev.ferry.broadcast.BroadcastSettings;
import dev.ferry.config.FerrySettings;
import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import java.util.EnumSet;
import java.util.Set;

/**
 * Plugs Ferry into a web application. Servlet containers discover it through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer} and hand it every class of
 * the application that is a {@code @ServerEndpoint}, a {@link ServerApplicationConfig} or an
 * {@link Endpoint}.
 */
@HandlesTypes({ServerEndpoint.class, ServerApplicationConfig.class, Endpoint.class})
public final class FerryServletContainerInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "ferry-websocket-upgrade";

    private static final System.Logger LOG = System.getLogger(FerryServletContainerInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> scanned, ServletContext context) throws ServletException {
        FerrySettings settings;
        BroadcastSettings broadcast;
        try {
            settings = FerrySettings.from(context::getInitParameter);
            broadcast = BroadcastSettings.from(context::getInitParameter);
        } catch (IllegalArgumentException e) {
            throw new ServletException("Ferry WebSocket: " + e.getMessage(), e);
        }
        String application = ContainerRoutes.describe(context);
        FerryServerContainer container = new FerryServerContainer(settings, broadcast, context.getClassLoader(),
                context.getContextPath() == null || context.getContextPath().isEmpty() ? "/" : context.getContextPath());
        ContainerRoutes routes;
        try {
            OtherWebSocketImplementation.switchOff(context, application);
            routes = ContainerRoutes.detect(context, container);
            // A relay module in the application (ferry-broadcast-redis) takes its settings from the init parameters.
            container.topics().startRelay(context::getInitParameter, context.getClassLoader());
        } catch (IllegalArgumentException e) {
            container.shutdown();
            throw new ServletException("Ferry WebSocket: " + e.getMessage(), e);
        } catch (ServletException | RuntimeException e) {
            container.shutdown();
            throw e;
        }
        // Published even when nothing was scanned: applications add endpoints later through
        // ServerContainer.addEndpoint from their own initializers and listeners.
        context.setAttribute(ServerContainer.class.getName(), container);
        container.setProgrammaticUpgrade(new ServletProgrammaticUpgrade(container, routes));
        try {
            container.deployScanned(scanned == null ? Set.of() : scanned);
        } catch (DeploymentException e) {
            container.shutdown();
            routes.close();
            // Fail the deployment loudly rather than serve an application missing its endpoints.
            throw new ServletException("Ferry WebSocket: endpoints of " + application
                    + " could not be deployed: " + e.getMessage(), e);
        }
        registerFilter(context, container, routes);
        context.addListener(new LifecycleListener(container, routes, application));
    }

    private static void registerFilter(ServletContext context, FerryServerContainer container, ContainerRoutes routes) {
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, new FerryUpgradeFilter(container, routes));
        if (filter == null) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket: a filter named " + FILTER_NAME
                    + " is already registered in " + ContainerRoutes.describe(context)
                    + "; is Ferry's initializer running twice (e.g. its jar both in the server and in WEB-INF/lib)?");
            return;
        }
        filter.setAsyncSupported(true);
        // Matched after the application's own filters, so that security filters see the handshake first.
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    /**
     * Once every initializer has run, checks that no other WebSocket implementation replaced
     * Ferry's container; closes the sessions when the application stops.
     */
    private static final class LifecycleListener implements ServletContextListener {
        private final FerryServerContainer container;
        private final ContainerRoutes routes;
        private final String application;

        LifecycleListener(FerryServerContainer container, ContainerRoutes routes, String application) {
            this.container = container;
            this.routes = routes;
            this.application = application;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext context = event.getServletContext();
            if (context.getAttribute(ServerContainer.class.getName()) == container) {
                return;
            }
            try {
                OtherWebSocketImplementation.switchOff(context, application);
            } catch (ServletException e) {
                // Thrown from here, it fails the application's start in Tomcat and Jetty.
                throw new IllegalStateException(e.getMessage(), e);
            }
            context.setAttribute(ServerContainer.class.getName(), container);
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            try {
                container.shutdown();
            } finally {
                // After the sessions' close: their last callbacks may still need the routes' threads.
                routes.close();
            }
        }
    }
}
