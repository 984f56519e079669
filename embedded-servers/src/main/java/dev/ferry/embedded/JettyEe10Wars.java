package dev.ferry.embedded;

import java.nio.file.Path;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.handler.ContextHandler;

/** Exploded WARs in Jetty's ee10 environment (needs {@code jetty-ee10-webapp} and {@code jetty-ee10-annotations}). */
final class JettyEe10Wars {

    private JettyEe10Wars() {
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
