package dev.ferry.embedded;

import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EventListener;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Exploded WARs as Undertow deployments: what a deployer does for a WAR, to the extent Ferry's tests
 * and the TCK use it. The initializers on the server's class path (Ferry's) and in the WAR get the
 * WAR's classes their {@code @HandlesTypes} asks for; {@code @WebServlet}, {@code @WebFilter} and
 * {@code @WebListener} classes are registered; files are served from the directory. {@code web.xml}
 * is not read (the TCK's only set a session timeout).
 */
final class UndertowWars {

    private static final System.Logger LOG = System.getLogger(UndertowWars.class.getName());

    /** A deployment not yet started, and its class loader, which the caller closes once it is undeployed. */
    record War(DeploymentInfo deployment, WarClassLoader classLoader) {
    }

    private UndertowWars() {
    }

    static War read(Path directory, String contextPath, StartFailures failures) throws IOException {
        WarClassLoader loader = new WarClassLoader("war " + directory.getFileName(), directory,
                UndertowWars.class.getClassLoader());
        try {
            WarScan scan = WarScan.of(directory, loader);
            DeploymentInfo info = Servlets.deployment()
                    // Unique in the server, as its context path is; Undertow keeps deployments by name.
                    .setDeploymentName(contextPath.isEmpty() ? "ROOT" : contextPath.substring(1))
                    .setContextPath(contextPath.isEmpty() ? "/" : contextPath)
                    .setClassLoader(loader)
                    .setResourceManager(new PathResourceManager(directory));
            addInitializers(info, loader, scan, failures);
            scan.annotatedWith(WebListener.class).forEach(c ->
                    info.addListener(Servlets.listener(c.asSubclass(EventListener.class))));
            scan.annotatedWith(WebFilter.class).forEach(c -> addFilter(info, c.asSubclass(Filter.class)));
            scan.annotatedWith(WebServlet.class).forEach(c -> info.addServlet(servlet(c.asSubclass(Servlet.class))));
            return new War(info, loader);
        } catch (IOException | RuntimeException e) {
            loader.close();
            throw e;
        }
    }

    /** Every initializer the WAR's loader finds (the server's and the WAR's own), watched by {@code failures}. */
    private static void addInitializers(DeploymentInfo info, ClassLoader loader, WarScan scan, StartFailures failures) {
        Iterator<ServletContainerInitializer> found = ServiceLoader.load(ServletContainerInitializer.class, loader)
                .iterator();
        while (true) {
            ServletContainerInitializer sci;
            try {
                if (!found.hasNext()) {
                    return;
                }
                sci = found.next();
            } catch (ServiceConfigurationError e) {
                // As a container does: an initializer that cannot be loaded here is left out, said in the log.
                LOG.log(System.Logger.Level.WARNING, "A ServletContainerInitializer could not be loaded: " + e);
                continue;
            }
            HandlesTypes handles = sci.getClass().getAnnotation(HandlesTypes.class);
            Set<Class<?>> classes = handles == null ? Set.of() : scan.handledBy(handles.value());
            ServletContainerInitializer watched = failures.watch(sci);
            info.addServletContainerInitializer(new ServletContainerInitializerInfo(watched.getClass(),
                    new ImmediateInstanceFactory<>(watched), classes.isEmpty() ? null : classes));
        }
    }

    private static ServletInfo servlet(Class<? extends Servlet> type) {
        WebServlet annotation = type.getAnnotation(WebServlet.class);
        ServletInfo servlet = Servlets.servlet(annotation.name().isEmpty() ? type.getName() : annotation.name(), type)
                .addMappings(annotation.value())
                .addMappings(annotation.urlPatterns())
                .setAsyncSupported(annotation.asyncSupported());
        if (annotation.loadOnStartup() >= 0) {
            servlet.setLoadOnStartup(annotation.loadOnStartup());
        }
        for (WebInitParam p : annotation.initParams()) {
            servlet.addInitParam(p.name(), p.value());
        }
        return servlet;
    }

    private static void addFilter(DeploymentInfo info, Class<? extends Filter> type) {
        WebFilter annotation = type.getAnnotation(WebFilter.class);
        String name = annotation.filterName().isEmpty() ? type.getName() : annotation.filterName();
        FilterInfo filter = Servlets.filter(name, type).setAsyncSupported(annotation.asyncSupported());
        for (WebInitParam p : annotation.initParams()) {
            filter.addInitParam(p.name(), p.value());
        }
        info.addFilter(filter);
        for (DispatcherType dispatch : annotation.dispatcherTypes()) {
            for (String pattern : annotation.value()) {
                info.addFilterUrlMapping(name, pattern, dispatch);
            }
            for (String pattern : annotation.urlPatterns()) {
                info.addFilterUrlMapping(name, pattern, dispatch);
            }
            for (String servletName : annotation.servletNames()) {
                info.addFilterServletNameMapping(name, servletName, dispatch);
            }
        }
    }
}
