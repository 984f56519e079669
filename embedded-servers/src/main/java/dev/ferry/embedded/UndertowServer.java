package dev.ferry.embedded;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.ConnectorStatistics;
import io.undertow.server.handlers.PathHandler;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Embedded Undertow 2.3 ({@code undertow-servlet}, Servlet 6.0) without {@code
 * undertow-websockets-jsr}, so whatever WebSocket implementation is on the class path (Ferry's,
 * normally) is the only one. Undertow has no WAR deployer of its own (WildFly deploys WARs for it):
 * {@link UndertowWars} builds an application from an exploded WAR the way a container's deployer
 * would, for what Ferry's tests and the TCK put into WARs.
 *
 * <p>Its own servlet container instance ({@code ServletContainer.Factory.newInstance()}), not
 * Undertow's static default one, so two servers in one JVM share nothing.
 */
final class UndertowServer implements EmbeddedServer {

    private Undertow undertow;
    private ServletContainer container;
    private PathHandler paths;
    /** Every started application by context path ({@code ""} for the root), in deployment order. */
    private final Map<String, UndertowApp> apps = new LinkedHashMap<>();

    UndertowServer() {
    }

    @Override
    public synchronized void start(ServerSettings settings) throws Exception {
        if (undertow != null) {
            throw new IllegalStateException("Already started");
        }
        container = ServletContainer.Factory.newInstance();
        paths = new PathHandler();
        if (settings.rootApp() != null) {
            StartFailures failures = new StartFailures();
            UndertowApp root = new UndertowApp(UndertowRootApp.deployment(settings.rootApp(), failures), null);
            try {
                root.start(container, paths);
            } catch (RuntimeException e) {
                root.stop(container, paths);
                throw failures.first() != null ? failures.notStarted() : e;
            }
            apps.put("", root);
        }
        Undertow u = Undertow.builder()
                .addHttpListener(settings.port(), settings.host() == null ? "0.0.0.0" : settings.host())
                // Counts the open connections for openConnections().
                .setServerOption(UndertowOptions.ENABLE_CONNECTOR_STATISTICS, true)
                .setHandler(paths)
                .build();
        try {
            u.start();
        } catch (RuntimeException e) {
            stopApps();
            throw e;
        }
        undertow = u;
    }

    @Override
    public synchronized int port() {
        return ((InetSocketAddress) listener().getAddress()).getPort();
    }

    @Override
    public synchronized long openConnections() {
        ConnectorStatistics statistics = listener().getConnectorStatistics();
        return statistics == null ? 0 : statistics.getActiveConnections();
    }

    private Undertow.ListenerInfo listener() {
        if (undertow == null) {
            throw new IllegalStateException("Not started");
        }
        return undertow.getListenerInfo().get(0);
    }

    @Override
    public synchronized WebAppStart deployWar(Path directory, String contextPath) throws Exception {
        if (undertow == null) {
            throw new IllegalStateException("Not started");
        }
        if (apps.containsKey(contextPath)) {
            throw new IllegalStateException("An application is already deployed at '" + contextPath + "'");
        }
        StartFailures failures = new StartFailures();
        UndertowWars.War war = UndertowWars.read(directory, contextPath, failures);
        UndertowApp app = new UndertowApp(war.deployment(), war.classLoader());
        // Kept even when its start fails: deployed and unavailable (nothing answers at its path)
        // until undeployWar, as in the other containers.
        apps.put(contextPath, app);
        try {
            app.start(container, paths);
        } catch (RuntimeException e) {
            return WebAppStart.failed(failures.first() != null ? failures.first() : e);
        }
        return WebAppStart.started();
    }

    @Override
    public synchronized void undeployWar(String contextPath) throws Exception {
        UndertowApp app = apps.remove(contextPath);
        if (app != null) {
            app.stop(container, paths);
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        Undertow u = undertow;
        undertow = null;
        try {
            // The applications first: Ferry closes its sessions with 1001 as its application stops,
            // which needs the connections and Undertow's threads still there.
            stopApps();
        } finally {
            if (u != null) {
                u.stop();
            }
        }
    }

    private void stopApps() {
        RuntimeException first = null;
        for (UndertowApp app : apps.values()) {
            try {
                app.stop(container, paths);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        apps.clear();
        if (first != null) {
            throw first;
        }
    }

    /** One deployment: what Undertow made of it and, for a WAR, the class loader to close at the end. */
    private static final class UndertowApp {
        private final DeploymentInfo info;
        private final AutoCloseable classLoader;
        private DeploymentManager manager;
        private boolean mapped;

        UndertowApp(DeploymentInfo info, AutoCloseable classLoader) {
            this.info = info;
            this.classLoader = classLoader;
        }

        /** Deploys and starts it, then maps its context path; throws what its start threw. */
        void start(ServletContainer container, PathHandler paths) {
            manager = container.addDeployment(info);
            manager.deploy();
            try {
                paths.addPrefixPath(info.getContextPath(), manager.start());
            } catch (jakarta.servlet.ServletException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            mapped = true;
        }

        void stop(ServletContainer container, PathHandler paths) {
            try {
                if (mapped) {
                    paths.removePrefixPath(info.getContextPath());
                    mapped = false;
                }
                if (manager != null) {
                    // Stops the application (its listeners' contextDestroyed: Ferry's shutdown), then
                    // removes it.
                    manager.stop();
                    manager.undeploy();
                    container.removeDeployment(info);
                    manager = null;
                }
            } catch (jakarta.servlet.ServletException e) {
                throw new IllegalStateException("Undertow could not stop " + info.getDeploymentName(), e);
            } finally {
                closeQuietly(classLoader);
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(UndertowServer.class.getName()).log(System.Logger.Level.DEBUG,
                        "Closing a web application's class loader failed", e);
            }
        }
    }
}
