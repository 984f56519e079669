package dev.ferry.engine;

import java.util.concurrent.TimeUnit;

/**
 * The timeouts of one connection, on its {@link Scheduler}: the idle timeout, the keep-alive
 * ping with its pong deadline, and the wait for the peer's answer to a close frame. Each timer
 * asks the connection to act; none touches the transport itself.
 */
final class ConnectionTimers {

    /** What the timers ask of their connection. */
    interface Actions {
        /** Nothing moved for the idle timeout: close (1001 on the wire, 1006 for the endpoint). */
        void idleTimedOut(long timeoutMillis);

        /** Send a keep-alive ping. */
        void sendKeepAlivePing();

        /** The keep-alive ping got no pong in time. */
        void pongTimedOut(long pongTimeoutMillis);

        /** The peer did not answer our close frame in time: drop TCP. */
        void closeTimedOut();

        /** No timer can run any more (the container stopped): close without waiting for the peer. */
        void closeWithoutWaiting();
    }

    private final Scheduler scheduler;
    private final Actions actions;
    private final long closeTimeoutMillis;

    private volatile boolean stopped;
    private volatile long lastActivityNanos;
    private volatile long idleTimeoutMillis;
    private volatile Scheduler.Cancellable idleTimer;
    private volatile Scheduler.Cancellable keepAliveTimer;
    private volatile Scheduler.Cancellable closeTimer;
    private volatile boolean closeTimerArmed;
    /** When the keep-alive ping now awaiting its pong was sent (0 = none outstanding). */
    private volatile long pingSentNanos;

    ConnectionTimers(Scheduler scheduler, Actions actions, long closeTimeoutMillis) {
        this.scheduler = scheduler;
        this.actions = actions;
        this.closeTimeoutMillis = closeTimeoutMillis;
        this.lastActivityNanos = scheduler.nanoTime();
    }

    /** Bytes moved: the idle clock starts again. */
    void touch() {
        lastActivityNanos = scheduler.nanoTime();
    }

    void setIdleTimeout(long millis) {
        idleTimeoutMillis = millis;
        cancel(idleTimer);
        if (millis > 0 && !stopped) {
            idleTimer = scheduler.schedule(this::checkIdle, millis);
        }
    }

    private void checkIdle() {
        long timeout = idleTimeoutMillis;
        if (timeout <= 0 || stopped) {
            return;
        }
        long idle = TimeUnit.NANOSECONDS.toMillis(scheduler.nanoTime() - lastActivityNanos);
        if (idle >= timeout) {
            actions.idleTimedOut(timeout);
        } else {
            idleTimer = scheduler.schedule(this::checkIdle, timeout - idle);
        }
    }

    /**
     * Pings the peer every {@code intervalMillis} and gives up on it when a pong does not come
     * back within {@code pongTimeoutMillis}: a dead peer or a proxy that dropped the connection is
     * noticed, and quiet connections stay alive through proxies.
     */
    void startKeepAlive(long intervalMillis, long pongTimeoutMillis) {
        if (intervalMillis > 0 && !stopped) {
            keepAliveTimer = scheduler.schedule(() -> keepAlive(intervalMillis, pongTimeoutMillis), intervalMillis);
        }
    }

    private void keepAlive(long intervalMillis, long pongTimeoutMillis) {
        if (stopped) {
            return;
        }
        long sent = pingSentNanos;
        long now = scheduler.nanoTime();
        if (sent != 0 && pongTimeoutMillis > 0 && now - sent >= TimeUnit.MILLISECONDS.toNanos(pongTimeoutMillis)) {
            actions.pongTimedOut(pongTimeoutMillis);
            return;
        }
        long delay = intervalMillis;
        if (sent == 0) {
            pingSentNanos = now;
            actions.sendKeepAlivePing();
            if (pongTimeoutMillis > 0) {
                delay = Math.min(intervalMillis, pongTimeoutMillis);
            }
        }
        keepAliveTimer = scheduler.schedule(() -> keepAlive(intervalMillis, pongTimeoutMillis), delay);
    }

    /** A pong came: the peer is alive. */
    void pongReceived() {
        pingSentNanos = 0;
    }

    /** Our close frame is on its way: the peer gets the close timeout to answer it. */
    void armCloseTimer() {
        synchronized (this) {
            if (closeTimerArmed || stopped) {
                return;
            }
            closeTimerArmed = true;
        }
        closeTimer = scheduler.schedule(actions::closeTimedOut, closeTimeoutMillis);
        if (closeTimer == null) {
            actions.closeWithoutWaiting();
        }
    }

    /** The session has ended: idle and keep-alive timers stop (the close timer still runs). */
    void stopSessionTimers() {
        stopped = true;
        cancel(idleTimer);
        cancel(keepAliveTimer);
    }

    /** The transport is closed: nothing is left to time. */
    void stopAll() {
        stopSessionTimers();
        cancel(closeTimer);
    }

    private static void cancel(Scheduler.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
