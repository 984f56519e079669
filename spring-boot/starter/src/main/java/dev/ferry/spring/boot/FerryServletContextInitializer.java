package dev.ferry.spring.boot;

import dev.ferry.server.FerryServerContainer;
import dev.ferry.servlet.FerryServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.websocket.server.ServerContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * Starts Ferry in the application's servlet context. Boot's embedded Tomcat and Jetty never run
 * the {@code ServletContainerInitializer}s found in jars, but they run every
 * {@link ServletContextInitializer} bean, so Ferry's initializer runs from here, first of all, so
 * that the {@code jakarta.websocket.server.ServerContainer} attribute that Spring's
 * {@code ServerEndpointExporter} and upgrade strategy read is Ferry's.
 *
 * <p>Deployed as a WAR into a container that already started Ferry, it takes that container
 * instead of starting a second one.
 */
public class FerryServletContextInitializer implements ServletContextInitializer, Ordered {

    private static final System.Logger LOG = System.getLogger(FerryServletContextInitializer.class.getName());

    private final Map<String, String> initParameters;
    /** Guarded by {@code this}: the started container, and who waits for it until then. */
    private FerryServerContainer container;
    private final List<Consumer<FerryServerContainer>> waiting = new ArrayList<>();

    /** @param initParameters Ferry's settings as {@code dev.ferry.*} servlet-context parameters */
    public FerryServletContextInitializer(Map<String, String> initParameters) {
        this.initParameters = Map.copyOf(initParameters);
    }

    @Override
    public int getOrder() {
        // Before the application's own initializers, which may add endpoints to the container.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onStartup(ServletContext context) throws ServletException {
        Object existing = context.getAttribute(ServerContainer.class.getName());
        if (existing instanceof FerryServerContainer ferry) {
            LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket already runs in this servlet context; using it");
            started(ferry);
            return;
        }
        if (existing != null) {
            throw new ServletException("Another WebSocket implementation (" + existing.getClass().getName()
                    + ") already serves this application, so Ferry cannot: exclude the container's own WebSocket"
                    + " support (see " + CompetingImplementations.DOCS + ")");
        }
        FerryInitParameters.apply(initParameters, context);
        new FerryServletContainerInitializer().onStartup(Set.of(), context);
        started((FerryServerContainer) context.getAttribute(ServerContainer.class.getName()));
    }

    /**
     * Runs {@code action} with Ferry's container once it has started (at once if it has): beans
     * such as a metrics binder may be created before or after the web server starts.
     */
    public void whenStarted(Consumer<FerryServerContainer> action) {
        FerryServerContainer ready;
        synchronized (this) {
            ready = container;
            if (ready == null) {
                waiting.add(action);
                return;
            }
        }
        action.accept(ready);
    }

    private void started(FerryServerContainer started) {
        List<Consumer<FerryServerContainer>> actions;
        synchronized (this) {
            container = started;
            actions = List.copyOf(waiting);
            waiting.clear();
        }
        actions.forEach(action -> action.accept(started));
    }
}
