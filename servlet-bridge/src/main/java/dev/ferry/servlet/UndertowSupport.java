package dev.ferry.servlet;

import dev.ferry.servlet.route.ServletUpgradeOptions;
import dev.ferry.servlet.route.ServletUpgradeProfile;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds out, at the application's start, how the servlet upgrade must go in Undertow
 * ({@code dev.ferry.servlet.undertow.UndertowServletUpgrade} says why). Touches no Undertow class
 * itself, so it loads in every container; every call into the Undertow package is guarded, since an
 * Undertow whose internals differ, or whose classes Ferry's jar cannot see, shows up as a
 * {@link LinkageError} or a {@link ClassCastException}. Then the endpoint callbacks go to threads of
 * Ferry's own instead of Undertow's worker pool: never onto Undertow's I/O threads.
 */
final class UndertowSupport {

    /** What the log calls what may be unavailable. */
    static final String WORKERS = "Undertow's worker threads for endpoint callbacks";

    private UndertowSupport() {
    }

    /** Whether {@code context} is an Undertow web application (Undertow's {@code ServletContextImpl}). */
    static boolean inUndertow(ServletContext context) {
        return context.getClass().getName().startsWith("io.undertow.servlet.");
    }

    /**
     * @param ownThreads threads of Ferry's own, for when Undertow's are out of reach
     * @return how this application's connections take the servlet upgrade in Undertow
     */
    static ServletUpgradeProfile detect(ServletContext context, RouteLog log, OwnCallbackThreads ownThreads) {
        ServletUpgradeProfile fallback = new OwnThreads(ownThreads);
        try {
            return new Guarded(new dev.ferry.servlet.undertow.UndertowServletUpgrade(context), fallback, log);
        } catch (RuntimeException | LinkageError e) {
            log.unavailable(WORKERS, consequence(), e);
            return fallback;
        }
    }

    private static String consequence() {
        return "endpoint callbacks run on threads of Ferry's own (ferry-callback-N), never on Undertow's I/O threads";
    }

    /** Undertow's profile, falling back to Ferry's threads for a request it cannot handle (said once in the log). */
    private record Guarded(ServletUpgradeProfile undertow, ServletUpgradeProfile fallback, RouteLog log)
            implements ServletUpgradeProfile {
        @Override
        public ServletUpgradeOptions options(HttpServletRequest request) {
            try {
                return undertow.options(request);
            } catch (RuntimeException | LinkageError e) {
                log.unavailable(WORKERS, consequence(), e);
                return fallback.options(request);
            }
        }

        @Override
        public String description() {
            return undertow.description();
        }
    }

    /**
     * Ferry's own threads for the callbacks; writes as Undertow's stream needs them. An abort goes
     * through {@code WebConnection.close()}, Undertow's connection being out of reach.
     */
    private record OwnThreads(OwnCallbackThreads threads) implements ServletUpgradeProfile {
        @Override
        public ServletUpgradeOptions options(HttpServletRequest request) {
            return new ServletUpgradeOptions(threads, true, null, true);
        }

        @Override
        public String description() {
            return ", callbacks on threads of Ferry's own (ferry-callback-N)";
        }
    }
}
