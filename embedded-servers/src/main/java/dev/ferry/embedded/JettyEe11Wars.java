package dev.ferry.embedded;

import java.nio.file.Path;
import org.eclipse.jetty.ee11.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.handler.ContextHandler;

/** Exploded WARs in Jetty's ee11 environment (needs {@code jetty-ee11-webapp} and {@code jetty-ee11-annotations}). */
final class JettyEe11Wars {

    private JettyEe11Wars() {
    }

    /**
     * A {@link WebAppContext} with the annotation configuration, which is what discovers the
     * {@code ServletContainerInitializer}s on the server's class path (Ferry's) and hands them the
     * WAR's classes.
     */
    static ContextHandler create(Path directory, String contextPath) {
        WebAppContext context = new WebAppContext();
        context.setContextPath(JettyEnvironment.jettyContextPath(contextPath));
        context.setWar(directory.toString());
        context.setDisplayName(directory.getFileName().toString());
        context.addConfiguration(new AnnotationConfiguration());
        // Have start() throw what failed (e.g. Ferry's DeploymentException inside a
        // ServletException) instead of only logging it and marking the context unavailable.
        context.setThrowUnavailableOnStartupException(true);
        return context;
    }
}
