package dev.ferry.servlet.undertow;

import dev.ferry.servlet.route.ServletUpgradeOptions;
import dev.ferry.servlet.route.ServletUpgradeProfile;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.servlet.api.ThreadSetupHandler;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.servlet.spec.HttpServletRequestImpl;
import io.undertow.servlet.spec.ServletContextImpl;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.Executor;
import org.xnio.XnioWorker;

/**
 * The servlet upgrade in Undertow 2.3, which differs from the specification's in three ways that
 * matter to Ferry:
 * <ul>
 * <li>Undertow calls the upgraded streams' {@code ReadListener} and {@code WriteListener} on its
 *     XNIO I/O threads (a few, each serving many connections), outside the application's context:
 *     the engine's calls, and with them the endpoints', go to Undertow's worker pool (the XNIO
 *     worker's task threads, which also run its servlet requests), each run bound to the application
 *     by the deployment's own thread setup, as Undertow binds its request threads (the application's
 *     class loader, and whatever else the deployment sets up);</li>
 * <li>its upgraded output stream in non-blocking mode writes the whole array it is given, ignoring
 *     {@code off} and {@code len}: Ferry writes only arrays meant whole;</li>
 * <li>{@code WebConnection.close()} writes what the stream still holds with a blocking write, which
 *     never returns while the peer does not read: an abort closes Undertow's connection itself;</li>
 * <li>when a write of what the stream holds fails (the peer went away), its I/O thread retries it
 *     in a loop that calls the {@code WriteListener}'s {@code onError} each time and never ends by
 *     itself: the listener ends it by throwing from the second call.</li>
 * </ul>
 * {@code UpgradedStreamsFactsTest} (integration-tests) shows each of these in Undertow.
 * Loaded only in Undertow, and only through {@code dev.ferry.servlet.UndertowSupport}, which falls
 * back to threads of Ferry's own when Undertow's classes here are not the ones this was built with.
 */
public final class UndertowServletUpgrade implements ServletUpgradeProfile {

    private static final System.Logger LOG = System.getLogger(UndertowServletUpgrade.class.getName());

    /** A task run inside the deployment's thread setup. */
    private final ThreadSetupHandler.Action<Void, Runnable> bound;

    /** @throws ClassCastException when {@code context} is not Undertow's */
    public UndertowServletUpgrade(ServletContext context) {
        this.bound = ((ServletContextImpl) context).getDeployment().createThreadSetupAction((exchange, task) -> {
            task.run();
            return null;
        });
    }

    /** @throws IllegalStateException when {@code request} is not Undertow's */
    @Override
    public ServletUpgradeOptions options(HttpServletRequest request) {
        ServerConnection connection = exchange(request).getConnection();
        return new ServletUpgradeOptions(new BoundWorkers(connection.getWorker()), true, () -> drop(connection), true);
    }

    @Override
    public String description() {
        return ", callbacks on Undertow's worker threads";
    }

    private static HttpServerExchange exchange(ServletRequest request) {
        ServletRequest r = request;
        while (!(r instanceof HttpServletRequestImpl) && r instanceof ServletRequestWrapper wrapper) {
            r = wrapper.getRequest();
        }
        if (r instanceof HttpServletRequestImpl undertows) {
            return undertows.getExchange();
        }
        // A wrapper that is no ServletRequestWrapper: the request this thread is serving.
        ServletRequestContext current = ServletRequestContext.current();
        if (current == null) {
            throw new IllegalStateException("Not a request of Undertow's: " + request.getClass().getName());
        }
        return current.getExchange();
    }

    private static void drop(ServerConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Ferry WebSocket: closing Undertow's connection failed", e);
        }
    }

    /** Undertow's worker pool, each task run bound to the application. */
    private final class BoundWorkers implements Executor {
        private final XnioWorker worker;

        BoundWorkers(XnioWorker worker) {
            this.worker = worker;
        }

        @Override
        public void execute(Runnable task) {
            worker.execute(() -> {
                try {
                    bound.call(null, task);
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.ERROR, "Ferry WebSocket: a callback failed on Undertow's worker thread", e);
                }
            });
        }
    }
}
