package dev.ferry.servlet.tomcat;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Field;
import org.apache.catalina.Context;
import org.apache.catalina.core.ApplicationContext;
import org.apache.catalina.core.ApplicationContextFacade;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Switches Tomcat's own WebSocket implementation off for one web application that carries Ferry
 * in its {@code WEB-INF/lib}, on a Tomcat that keeps {@code lib/tomcat-websocket.jar}.
 *
 * <p>Why: both initializers run there, Tomcat's first (the server's before the application's).
 * Tomcat's registers its {@code WsFilter} on {@code /*}, ahead of Ferry's, for the same scanned
 * endpoints; when its filter starts it casts the published {@code ServerContainer} to its own
 * class and fails the whole application on Ferry's. The servlet API cannot remove a filter, so
 * this removes the filter's mapping and definition from Tomcat's context before the filters start
 * (Tomcat starts them after every initializer and listener has run). The context is reached
 * through two private fields (the facade's and the application context's) since Tomcat offers no
 * getter; when they are out of reach, the caller fails the deployment with the fix instead.
 */
public final class TomcatOwnWebSocket {

    /** Tomcat's WebSocket initializer, which a WAR's META-INF/context.xml can keep from running. */
    public static final String INITIALIZER = "org.apache.tomcat.websocket.server.WsSci";
    /** Tomcat's WebSocket server container, which its initializer publishes. */
    public static final String SERVER_CONTAINER = "org.apache.tomcat.websocket.server.WsServerContainer";
    private static final String FILTER = "org.apache.tomcat.websocket.server.WsFilter";

    private TomcatOwnWebSocket() {
    }

    /**
     * Removes Tomcat's WebSocket filter from {@code servletContext}'s application.
     *
     * @return how many filter definitions were removed (0: Tomcat's filter was not registered)
     * @throws ReflectiveOperationException when Tomcat's context is out of reach
     */
    public static int switchOff(ServletContext servletContext) throws ReflectiveOperationException {
        Context context = catalinaContext(servletContext);
        int removed = 0;
        for (FilterDef def : context.findFilterDefs()) {
            boolean tomcats = FILTER.equals(def.getFilterClass())
                    || def.getFilter() != null && FILTER.equals(def.getFilter().getClass().getName());
            if (!tomcats) {
                continue;
            }
            for (FilterMap map : context.findFilterMaps()) {
                if (def.getFilterName().equals(map.getFilterName())) {
                    context.removeFilterMap(map);
                }
            }
            context.removeFilterDef(def);
            removed++;
        }
        return removed;
    }

    private static Context catalinaContext(ServletContext servletContext) throws ReflectiveOperationException {
        if (!(servletContext instanceof ApplicationContextFacade facade)) {
            throw new ClassCastException(servletContext.getClass().getName() + " is not Tomcat's "
                    + ApplicationContextFacade.class.getName());
        }
        ApplicationContext application = (ApplicationContext) field(ApplicationContextFacade.class).get(facade);
        return (Context) field(ApplicationContext.class).get(application);
    }

    private static Field field(Class<?> owner) throws NoSuchFieldException {
        Field field = owner.getDeclaredField("context");
        field.setAccessible(true);
        return field;
    }
}
