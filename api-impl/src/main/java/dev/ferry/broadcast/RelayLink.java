package dev.ferry.broadcast;

import dev.ferry.engine.frame.Utf8Validator;
import dev.ferry.engine.frame.WebSocketException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node's link to its {@link BroadcastRelay}, if it has one, and what the relay gets from the
 * node ({@link RelayContext}). A relay that throws is logged, never allowed to fail a publisher.
 */
final class RelayLink implements RelayContext {

    private static final System.Logger LOG = System.getLogger(RelayLink.class.getName());

    /** Where messages of other nodes go. */
    interface Inbound {
        void deliver(String topic, boolean text, ByteBuffer payload);
    }

    private final String nodeName;
    private final String applicationName;
    private final Inbound inbound;
    /** Tells a topic's listeners that other nodes are heard (on a broadcast thread). */
    private final Consumer<String> otherNodesHeard;
    private final Supplier<Set<String>> listened;
    private final Executor executor;
    private volatile Function<String, String> settings = name -> null;
    private volatile BroadcastRelay relay;

    RelayLink(String nodeName, String applicationName, Inbound inbound, Consumer<String> otherNodesHeard,
            Supplier<Set<String>> listened, Executor executor) {
        this.nodeName = nodeName;
        this.applicationName = applicationName;
        this.inbound = inbound;
        this.otherNodesHeard = otherNodesHeard;
        this.listened = listened;
        this.executor = executor;
    }

    /**
     * Starts the relay that the first provider visible to {@code loader} makes from {@code settings}.
     *
     * @return whether one did (none is configured otherwise)
     */
    synchronized boolean startFromProviders(Function<String, String> settings, ClassLoader loader) {
        try {
            for (BroadcastRelayProvider provider : ServiceLoader.load(BroadcastRelayProvider.class, loader)) {
                if (start(provider, settings)) {
                    return true;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("Ferry WebSocket: a broadcast relay provider could not be loaded: "
                    + e.getMessage(), e);
        }
        return false;
    }

    /** Starts {@code provider}'s relay with {@code settings}; false when they do not configure it. */
    synchronized boolean start(BroadcastRelayProvider provider, Function<String, String> settings) {
        if (relay != null) {
            throw new IllegalStateException("This node relays already, through " + relay.status().broker());
        }
        this.settings = settings;
        BroadcastRelay started = provider.start(this);
        if (started == null) {
            return false;
        }
        relay = started;
        for (String topic : listened.get()) {
            listen(topic);
        }
        return true;
    }

    void publish(String topic, boolean text, ByteBuffer payload) {
        BroadcastRelay r = relay;
        if (r != null) {
            try {
                r.publish(topic, text, payload);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket: the broadcast relay failed to publish to " + topic, e);
            }
        }
    }

    void listen(String topic) {
        BroadcastRelay r = relay;
        if (r != null) {
            try {
                r.listen(topic);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket: the broadcast relay failed to listen to " + topic, e);
            }
        }
    }

    void stopListening(String topic) {
        BroadcastRelay r = relay;
        if (r != null) {
            try {
                r.stopListening(topic);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket: the broadcast relay failed to stop listening to " + topic, e);
            }
        }
    }

    RelayStatus status() {
        BroadcastRelay r = relay;
        return r == null ? RelayStatus.NONE : r.status();
    }

    synchronized void close() {
        BroadcastRelay r = relay;
        relay = null;
        if (r != null) {
            try {
                r.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket: closing the broadcast relay failed", e);
            }
        }
    }

    // ---- RelayContext -------------------------------------------------------------------------

    @Override
    public String setting(String name) {
        return settings.apply(name);
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public String applicationName() {
        return applicationName;
    }

    @Override
    public void deliver(String topic, boolean text, ByteBuffer payload) {
        if (text && !isUtf8(payload)) {
            LOG.log(Level.WARNING, "Ferry WebSocket: a text message for topic " + topic
                    + " from another node is not UTF-8; dropped");
            return;
        }
        inbound.deliver(topic, text, payload);
    }

    private static boolean isUtf8(ByteBuffer payload) {
        Utf8Validator validator = new Utf8Validator();
        try {
            validator.validate(payload.duplicate());
            validator.endOfMessage();
            return true;
        } catch (WebSocketException e) {
            return false;
        }
    }

    @Override
    public void listening(String topic) {
        executor.execute(() -> otherNodesHeard.accept(topic)); // not on the relay's own thread
    }

    @Override
    public Set<String> listenedTopics() {
        return listened.get();
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }
}
