package dev.ferry.server;

import dev.ferry.config.SessionLimits;
import dev.ferry.engine.MessageBufferPool;
import dev.ferry.engine.Scheduler;
import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.extension.ServerExtensionNegotiation;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.instance.ReleasingEndpoint;
import dev.ferry.session.FerrySession;
import dev.ferry.session.HandshakeInfo;
import dev.ferry.transport.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions of one server container: opens each once its 101 is out, owns what they share
 * (the timer thread, the id counter, the spare compressors), and at shutdown closes every one
 * with 1001, gives the peers a moment to answer and drops the rest.
 */
final class ServerSessions {

    private static final System.Logger LOG = System.getLogger(ServerSessions.class.getName());
    /** How long {@link #shutdown} lets peers answer the 1001 close frames. */
    static final long SHUTDOWN_GRACE_MILLIS = 1_000;

    private final WebSocketContainer container;
    private final ZlibPool zlib = new ZlibPool(java.util.zip.Deflater.DEFAULT_COMPRESSION,
            Runtime.getRuntime().availableProcessors() * 2);
    private final AtomicLong sessionIds = new AtomicLong();
    /** Sessions between the 101 and the end of their opening: shutdown() waits for them. */
    private final AtomicInteger sessionsStarting = new AtomicInteger();
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor timers;
    private final Scheduler scheduler;
    /** Arrays for large messages, shared by the application's sessions. */
    private final MessageBufferPool buffers;
    /** The timer's thread, joined at shutdown so that it is gone before the application is. */
    private volatile Thread timerThread;

    ServerSessions(WebSocketContainer container, ClassLoader applicationClassLoader, MessageBufferPool buffers) {
        this.container = container;
        this.buffers = buffers;
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "ferry-timer");
            t.setDaemon(true);
            // Endpoint callbacks that timers trigger (idle and close timeouts) see the application.
            t.setContextClassLoader(applicationClassLoader);
            timerThread = t;
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = Scheduler.of(timers);
    }

    boolean isShutDown() {
        return shutDown.get();
    }

    /** The session that opens on the connection once the handshake was answered with 101. */
    UpgradeDecision.PendingSession pending(HandshakeInfo info, DeployedEndpoint endpoint,
            jakarta.websocket.server.ServerEndpointConfig config, Endpoint instance, SessionLimits limits,
            ServerExtensionNegotiation.Result extensions) {
        return new UpgradeDecision.PendingSession() {
            @Override
            public void start(Transport transport) {
                sessionsStarting.incrementAndGet();
                try {
                    String id = Long.toHexString(sessionIds.incrementAndGet());
                    PerMessageDeflate deflate = extensions.deflate() == null ? null
                            : extensions.deflate().start(true, zlib);
                    FerrySession session = new FerrySession(id, container, instance, config, info,
                            endpoint.openSessions(), limits, transport, true, null, scheduler, deflate,
                            endpoint.metrics(), buffers);
                    session.open();
                    if (shutDown.get()) {
                        // Opened while shutdown() was closing the sessions it found (a 101 already
                        // on its way): it goes the same way, not dropped later with 1006.
                        closeGoingAway(session);
                    }
                } finally {
                    sessionsStarting.decrementAndGet();
                }
            }

            @Override
            public void abandon(Throwable cause) {
                LOG.log(Level.DEBUG, "Upgrade to " + config.getPath() + " abandoned", cause);
                // No session will ever close it, so its instance ends here.
                ReleasingEndpoint.releaseIfOwed(instance);
            }
        };
    }

    /**
     * Closes every open session of {@code deployed} with 1001 (going away), gives the peers a
     * moment to answer, drops who did not, and stops the timer. Called once.
     *
     * @param beforeTimersStop runs after the sessions are gone and before the timer stops (the
     *                         container stops its I/O threads there)
     * @return false when shut down before: nothing was done
     */
    boolean shutdown(List<DeployedEndpoint> deployed, Runnable beforeTimersStop) {
        if (!shutDown.compareAndSet(false, true)) {
            return false;
        }
        for (DeployedEndpoint endpoint : deployed) {
            endpoint.openSessions().forEach(ServerSessions::closeGoingAway);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_GRACE_MILLIS);
        // Sessions opening right now close themselves (they see shutDown); wait until they are
        // among the open sessions, so that the wait below covers them too.
        while (sessionsStarting.get() > 0 && System.nanoTime() < deadline && pauseBriefly()) {
            // waiting
        }
        awaitSessionsClosed(deployed, deadline);
        // Whoever has not answered by now is dropped: nothing would time them out later.
        for (DeployedEndpoint endpoint : deployed) {
            endpoint.openSessions().forEach(FerrySession::drop);
        }
        beforeTimersStop.run();
        // Pending idle and close timers have nothing left to do; the thread must not outlive the application.
        timers.shutdownNow();
        try {
            timers.awaitTermination(SHUTDOWN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            Thread timer = timerThread;
            if (timer != null) {
                timer.join(SHUTDOWN_GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        zlib.close();
        return true;
    }

    private static void closeGoingAway(FerrySession session) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "The server is shutting down"));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing " + session + " at shutdown failed; dropping it", e);
            session.drop();
        }
    }

    private static void awaitSessionsClosed(List<DeployedEndpoint> deployed, long deadlineNanos) {
        for (DeployedEndpoint endpoint : deployed) {
            while (!endpoint.openSessions().isEmpty() && System.nanoTime() < deadlineNanos) {
                if (!pauseBriefly()) {
                    return;
                }
            }
        }
    }

    /** Sleeps 10 ms between looks at the sessions; false when interrupted (the interrupt stays set). */
    private static boolean pauseBriefly() {
        try {
            Thread.sleep(10);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
