package dev.ferry.broadcast;

/**
 * Makes a {@link BroadcastRelay} for a server container, found through
 * {@link java.util.ServiceLoader} in the web application's class loader when the application
 * starts. The first provider that returns a relay is used.
 */
public interface BroadcastRelayProvider {

    /**
     * @return a started relay, or {@code null} when {@code context} does not configure this kind
     *         of relay (the application then broadcasts on this node only)
     * @throws IllegalArgumentException when a setting is wrong (the application fails to start,
     *         naming it)
     */
    BroadcastRelay start(RelayContext context);
}
