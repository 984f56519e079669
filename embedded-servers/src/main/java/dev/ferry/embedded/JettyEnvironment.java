package dev.ferry.embedded;

import java.nio.file.Path;
import org.eclipse.jetty.server.handler.ContextHandler;

/** What differs between Jetty's servlet environments: the classes a web application is made of. */
interface JettyEnvironment {

    /** A servlet context at {@code /} set up as {@code app} says, its initializers watched by {@code failures}. */
    ContextHandler rootContext(WebApp app, StartFailures failures);

    /**
     * A web application from an exploded WAR, not yet started, whose start throws what failed.
     * Built by a class of its own (Jetty's webapp and annotations modules are only needed here).
     */
    ContextHandler warContext(Path directory, String contextPath);

    /** {@code ""} (the root, to Ferry's callers) is {@code "/"} to Jetty. */
    static String jettyContextPath(String contextPath) {
        return contextPath.isEmpty() ? "/" : contextPath;
    }
}
