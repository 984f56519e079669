package dev.ferry.servlet.route;

import java.util.concurrent.Executor;

/**
 * What the portable servlet upgrade must do differently for one connection in a container whose
 * upgraded streams need it (Undertow); {@link #AS_IS} everywhere else.
 *
 * <p>In this package, public, for the same reasons as {@link UpgradeRoute}: the container-specific
 * packages create it, the bridge uses it.
 *
 * @param callbackThreads where the engine's listener calls go, one at a time and in order, each run
 *                        already bound to the web application (class loader, and whatever else the
 *                        container binds for its own threads); null: they run on the thread the
 *                        container calls the read listener on, as it calls it
 * @param wholeArrays     the container's non-blocking {@code write(byte[], off, len)} writes the whole
 *                        array, ignoring {@code off} and {@code len}: write only arrays meant whole
 * @param drop            closes the connection at once, dropping what is not yet written; for
 *                        containers whose {@code WebConnection.close()} waits until the peer has
 *                        read it (a peer that stopped reading is the usual reason to abort); null:
 *                        {@code WebConnection.close()}
 * @param errorsRepeat    the container calls the {@code WriteListener}'s {@code onError} again and
 *                        again, in a loop that only an exception thrown from it ends (Undertow, when
 *                        the peer goes away while the stream holds bytes not yet written)
 */
public record ServletUpgradeOptions(Executor callbackThreads, boolean wholeArrays, Runnable drop,
        boolean errorsRepeat) {

    /** The servlet upgrade as the Servlet specification describes it. */
    public static final ServletUpgradeOptions AS_IS = new ServletUpgradeOptions(null, false, null, false);
}
