package dev.ferry.servlet;

import dev.ferry.servlet.route.UpgradeRoute;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says in the server's log which way one web application's WebSocket connections go: at the
 * application's start what the container offers, then each route the first time a connection
 * takes it, and each faster route that is unavailable for a reason that is not normal (with its
 * cause). Once per route, never per connection, so the log tells what happens without growing with
 * traffic.
 */
final class RouteLog {

    private static final System.Logger LOG = System.getLogger(RouteLog.class.getName());

    private final String application;
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    /** The routes connections have taken: asked on every connection, so keyed by the route, not a string made for it. */
    private final Set<UpgradeRoute> taken = ConcurrentHashMap.newKeySet();

    /** @param application how the log names the web application, e.g. "web application /chat" */
    RouteLog(String application) {
        this.application = application;
    }

    String application() {
        return application;
    }

    /** What the container offers this application, told once at its start. */
    void started(String serverInfo, String routes) {
        LOG.log(System.Logger.Level.INFO, "Ferry WebSocket serves " + application + " on " + serverInfo + ": "
                + routes);
    }

    /** A connection took {@code route}: told the first time only. */
    void taken(UpgradeRoute route) {
        if (taken.add(route)) {
            LOG.log(System.Logger.Level.INFO, "Ferry WebSocket, " + application + ": first connection through "
                    + route.name());
        }
    }

    /**
     * A faster route cannot be used, for a reason that is not normal (an internal API of the
     * container differs, a linkage error): told once per route, as a warning with its cause.
     *
     * @param route       the route that is unavailable
     * @param consequence what Ferry does instead
     */
    void unavailable(String route, String consequence, Throwable cause) {
        if (told.add("unavailable: " + route)) {
            LOG.log(System.Logger.Level.WARNING, "Ferry WebSocket, " + application + ": " + route
                    + " is unavailable (" + cause + "); " + consequence
                    + ". Please report this together with the server's version.", cause);
        }
    }
}
