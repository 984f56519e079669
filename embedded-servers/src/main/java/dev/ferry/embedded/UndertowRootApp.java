package dev.ferry.embedded;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import java.net.URL;
import java.net.URLClassLoader;

/** A {@link WebApp} built in code as Undertow's deployment at {@code /}. */
final class UndertowRootApp {

    private UndertowRootApp() {
    }

    static DeploymentInfo deployment(WebApp app, StartFailures failures) {
        DeploymentInfo info = Servlets.deployment()
                .setDeploymentName("ROOT")
                .setContextPath("/")
                .setClassLoader(classLoader());
        app.initParameters().forEach(info::addInitParameter);
        for (Initializer i : app.initializers()) {
            ServletContainerInitializer watched = failures.watch(i.initializer());
            info.addServletContainerInitializer(new ServletContainerInitializerInfo(watched.getClass(),
                    new ImmediateInstanceFactory<>(watched), i.classes()));
        }
        for (WebApp.Servlet s : app.servlets()) {
            info.addServlet(servlet(s.name(), s.servlet()).addMappings(s.mappings()));
        }
        // Undertow adds a default servlet of its own at "/" unless the application maps one.
        info.addServlet(servlet("default", app.defaultServlet()).addMapping("/"));
        return info;
    }

    private static ServletInfo servlet(String name, HttpServlet servlet) {
        return Servlets.servlet(name, servlet.getClass(), new ImmediateInstanceFactory<>(servlet))
                .setAsyncSupported(true);
    }

    /**
     * The application's own loader, as Tomcat gives even an application built in code: it finds
     * nothing itself and delegates to the launcher's, but it is not the loader every thread of the
     * JVM starts with, so a callback run without the application's context shows in a test.
     */
    private static ClassLoader classLoader() {
        return new URLClassLoader("undertow-root-application", new URL[0], UndertowRootApp.class.getClassLoader());
    }
}
