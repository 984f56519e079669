package dev.ferry.embedded;

import java.nio.file.Path;
import org.eclipse.jetty.ee11.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.handler.ContextHandler;

/** Jetty's ee11 environment (Servlet 6.1). */
final class JettyEe11 implements JettyEnvironment {

    @Override
    public ContextHandler rootContext(WebApp app, StartFailures failures) {
        ServletContextHandler context = new ServletContextHandler("/",
                app.httpSessions() ? ServletContextHandler.SESSIONS : ServletContextHandler.NO_SESSIONS);
        app.initParameters().forEach(context::setInitParameter);
        for (Initializer i : app.initializers()) {
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(
                    failures.watch(i.initializer()), i.classes().toArray(Class<?>[]::new)));
        }
        for (WebApp.Servlet s : app.servlets()) {
            ServletHolder holder = new ServletHolder(s.name(), s.servlet());
            s.mappings().forEach(mapping -> context.addServlet(holder, mapping));
        }
        context.addServlet(new ServletHolder("default", app.defaultServlet()), "/");
        return context;
    }

    @Override
    public ContextHandler warContext(Path directory, String contextPath) {
        return JettyEe11Wars.create(directory, contextPath);
    }
}
