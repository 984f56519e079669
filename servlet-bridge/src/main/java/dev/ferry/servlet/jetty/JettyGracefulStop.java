package dev.ferry.servlet.jetty;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.component.Graceful;

/**
 * Takes part in Jetty's graceful stop. Jetty stops its connectors, closing every connection,
 * before it stops the web applications; without this, sessions would end with 1006 instead of a
 * 1001 close frame. Registered on the web application's context handler at its first upgrade.
 */
final class JettyGracefulStop implements Graceful {

    private final Runnable closeSessions;
    private volatile boolean done;

    private JettyGracefulStop(Runnable closeSessions) {
        this.closeSessions = closeSessions;
    }

    /** Registers {@code closeSessions} with {@code context} once. */
    static void register(ContextHandler context, Runnable closeSessions) {
        synchronized (context) {
            if (context.getBean(JettyGracefulStop.class) == null) {
                context.addBean(new JettyGracefulStop(closeSessions));
            }
        }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        closeSessions.run();
        done = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return done;
    }
}
