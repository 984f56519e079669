package dev.ferry.broadcast;

import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.message.EncoderSet;
import dev.ferry.metrics.ContainerMetrics;
import dev.ferry.session.FerrySession;
import dev.ferry.session.SessionFanOut;
import dev.ferry.session.SharedMessage;
import jakarta.websocket.EncodeException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The topics of one server container: one web application on one node. Sessions subscribe to
 * topics by name; anyone publishes. A message is encoded once (and compressed once for every
 * session that compresses without context takeover) and queued on each subscriber's own send
 * queue, behind what that session sent before; the publisher never waits for a subscriber, and a
 * subscriber that falls behind is dropped from or closed as its {@link SlowSubscriberPolicy} says.
 * With a {@link BroadcastRelay} (such as {@code ferry-broadcast-redis}), every message also reaches
 * the subscribers on the other nodes. See docs/scaling-out.md.
 *
 * <pre>{@code
 * Topics topics = Topics.of(session);            // in an endpoint; or Topics.of(serverContainer)
 * topics.subscribe(session, "room/lobby");       // undone when the session closes
 * topics.publish("room/lobby", "hello");         // every subscriber, on every node
 * }</pre>
 *
 * <p>Order: the subscribers of a topic on one node receive its messages in one order, and the
 * messages one thread publishes to a topic in the order it published them, on every node.
 * Delivery is at most once. Publishing never runs application code but the topic's
 * {@link TopicListener}s, and never waits.
 */
public final class Topics implements AutoCloseable {

    /** Longest topic name, in chars: names are keys, not messages. */
    public static final int MAX_NAME_LENGTH = 1024;

    /** A container that has topics: Ferry's server container. */
    public interface Owner {
        Topics topics();
    }

    private final BroadcastSettings settings;
    private final ContainerMetrics jmx;
    private final ClassLoader applicationClassLoader;
    private final ZlibPool zlib = new ZlibPool(java.util.zip.Deflater.DEFAULT_COMPRESSION, 2);
    private final ConcurrentHashMap<SessionFanOut, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final TopicTable table;
    final Flusher flusher; // package-private: tests occupy its threads
    private final RelayLink relay;
    private final BroadcastMetrics metrics;
    private final ObjectEncoders encoders = new ObjectEncoders();
    private final ThreadLocal<FlushBatch> batches = ThreadLocal.withInitial(FlushBatch::new);
    private Runnable hideMetrics;
    private volatile boolean closed;

    /**
     * @param jmx where the MBeans go ({@code type=Broadcast} once anything is broadcast, one
     *            {@code type=Topic} per open topic)
     */
    public Topics(BroadcastSettings settings, ContainerMetrics jmx, String applicationName,
            ClassLoader applicationClassLoader) {
        this.settings = settings;
        this.jmx = jmx;
        this.applicationClassLoader = applicationClassLoader;
        this.flusher = new Flusher(settings.effectiveFlushThreads(), applicationClassLoader);
        this.relay = new RelayLink(settings.nodeName(), applicationName, this::deliverFromAnotherNode,
                name -> java.util.Optional.ofNullable(topic(name)).ifPresent(Topic::otherNodesHeard), this::topicNames, flusher);
        this.metrics = new BroadcastMetrics(settings.nodeName(), this::topicCount, subscribers::size, relay::status);
        this.table = new TopicTable(name -> new Topic(name, metrics), new TopicTable.Lifecycle() {
            @Override
            public void opened(Topic topic) {
                showMetrics();
                topic.hide = jmx.showInJmx("Topic", "topic", topic.name(), topic.metrics, TopicMXBean.class);
                relay.listen(topic.name());
            }

            @Override
            public void closed(Topic topic) {
                topic.hide.run();
                relay.stopListening(topic.name());
            }
        });
    }

    /** The topics of {@code container}, which must be Ferry's server container. */
    public static Topics of(WebSocketContainer container) {
        if (container instanceof Owner owner) {
            return owner.topics();
        }
        throw new IllegalArgumentException("Topics belong to Ferry's server container, not to "
                + (container == null ? "null" : container.getClass().getName()));
    }

    /** The topics of the server container of {@code session}. */
    public static Topics of(Session session) {
        return of(session.getContainer());
    }

    /** This node's name ({@code dev.ferry.broadcast.nodeName}). */
    public String nodeName() {
        return settings.nodeName();
    }

    // ---- subscribing --------------------------------------------------------------------------

    /** Subscribes {@code session} to {@code topic} with the container's slow-subscriber policy; see {@link #subscribe(Session, String, SlowSubscriberPolicy, Runnable)}. */
    public void subscribe(Session session, String topic) {
        subscribe(session, topic, settings.slowSubscriber(), null);
    }

    /** Subscribes {@code session} to {@code topic}; see {@link #subscribe(Session, String, SlowSubscriberPolicy, Runnable)}. */
    public void subscribe(Session session, String topic, SlowSubscriberPolicy whenSlow) {
        subscribe(session, topic, whenSlow, null);
    }

    /**
     * Subscribes {@code session} (a server session that is open) to {@code topic}, until it
     * unsubscribes or closes. Subscribing again changes nothing.
     *
     * @param whenSlow         what happens when it falls behind
     * @param beforeFirstMessage runs, unless null, at the moment the session joins, while nothing
     *                         is published to the topic on this node: what it sends to the session
     *                         (a greeting, the topic's history) arrives before any message
     *                         published later, and no message falls between the two
     * @throws IllegalStateException when the session is closed
     */
    public void subscribe(Session session, String topic, SlowSubscriberPolicy whenSlow, Runnable beforeFirstMessage) {
        requireName(topic);
        SessionFanOut fanOut = fanOutOf(session);
        if (!session.isOpen()) {
            throw new IllegalStateException("Session " + session.getId() + " is closed: it cannot subscribe");
        }
        Subscriber subscriber = subscriberOf(fanOut);
        FlushBatch batch = enter();
        try {
            table.update(topic, t -> {
                if (t.isSubscribed(subscriber)) {
                    return null;
                }
                if (beforeFirstMessage != null) {
                    beforeFirstMessage.run();
                }
                if (subscriber.join(topic)) {
                    t.add(new Subscription(subscriber, t.metrics, whenSlow));
                }
                return null;
            });
        } finally {
            leave(batch);
        }
    }

    /** @return whether {@code session} was subscribed to {@code topic} */
    public boolean unsubscribe(Session session, String topic) {
        Subscriber subscriber = subscribers.get(fanOutOf(session));
        if (subscriber == null || !table.updateExisting(topic, t -> t.remove(subscriber), false)) {
            return false;
        }
        subscriber.left(topic);
        return true;
    }

    /** Sessions on this node subscribed to {@code topic} now. */
    public int subscriberCount(String topic) {
        Topic t = table.get(topic);
        return t == null ? 0 : t.subscriberCount();
    }

    /** The topics with a subscriber or listener on this node now. */
    public Set<String> topicNames() {
        return table.names();
    }

    /** Adds a listener of every message of {@code topic} on this node (see {@link TopicListener}). */
    public void addListener(String topic, TopicListener listener) {
        requireName(topic);
        table.update(topic, t -> {
            t.addListener(listener);
            return null;
        });
    }

    public boolean removeListener(String topic, TopicListener listener) {
        return table.updateExisting(topic, t -> t.removeListener(listener), false);
    }

    // ---- publishing ---------------------------------------------------------------------------

    /**
     * Publishes a text message to every subscriber of {@code topic}, on this node and, with a relay,
     * on the others.
     *
     * @return the subscribers on this node it was queued on (slow ones not counted)
     */
    public int publish(String topic, String text) {
        return publish(topic, SharedMessage.text(text, zlib), true);
    }

    /** Publishes a binary message (position to limit, copied: the buffer may be reused at once); see {@link #publish(String, String)}. */
    public int publish(String topic, ByteBuffer data) {
        return publish(topic, SharedMessage.binary(data, zlib), true);
    }

    /**
     * Publishes {@code message} encoded once with the encoders of {@code encodingSession}'s
     * endpoint (or the built-in conversions of {@code sendObject}); see {@link #publish(String, String)}.
     */
    public int publishObject(String topic, Object message, Session encodingSession) throws EncodeException, IOException {
        return publishEncoded(topic, fanOutOf(encodingSession).encode(message));
    }

    /**
     * Publishes {@code message} encoded once with the encoders {@code config} declares (created on
     * first use, kept until the application stops): for code outside any session.
     */
    public int publishObject(String topic, Object message, EndpointConfig config) throws EncodeException, IOException {
        return publishEncoded(topic, encoders.encode(config, message));
    }

    /** Publishes a text message to the subscribers of {@code topic} on this node only, never relayed. */
    public int publishLocally(String topic, String text) {
        return publish(topic, SharedMessage.text(text, zlib), false);
    }

    private int publishEncoded(String topic, EncoderSet.Encoded e) {
        return publish(topic, e.isText() ? SharedMessage.text(e.text(), zlib) : SharedMessage.binary(e.binary(), zlib), true);
    }

    private int publish(String topic, SharedMessage message, boolean relayed) {
        requireName(topic);
        if (closed) {
            return 0;
        }
        metrics.published();
        return fanOut(topic, message, false, relayed);
    }

    /** A message from another node, through the relay: this node's subscribers and listeners get it. */
    private void deliverFromAnotherNode(String topic, boolean text, ByteBuffer payload) {
        if (closed || topic == null || topic.isEmpty() || topic.length() > MAX_NAME_LENGTH) {
            return;
        }
        metrics.received();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(applicationClassLoader); // listeners are the application's code
        try {
            fanOut(topic, text ? SharedMessage.utf8(payload, zlib) : SharedMessage.binary(payload, zlib), true, false);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Queues {@code message} on the topic's subscribers under its monitor (relaying it there too,
     * so other nodes get one node's messages in the order its subscribers do), then writes them.
     */
    private int fanOut(String name, SharedMessage message, boolean fromAnotherNode, boolean relayed) {
        FlushBatch batch = enter();
        try {
            Topic topic = table.get(name);
            if (topic != null) {
                synchronized (topic) {
                    if (!topic.isRemoved()) {
                        if (relayed) {
                            relay.publish(name, message.isText(), message.payload());
                        }
                        return topic.publish(message, fromAnotherNode, batch);
                    }
                }
            }
            if (relayed) {
                relay.publish(name, message.isText(), message.payload());
            }
            return 0;
        } finally {
            leave(batch);
        }
    }

    private FlushBatch enter() {
        FlushBatch batch = batches.get();
        batch.depth++;
        return batch;
    }

    /**
     * The outermost call also drops the thread's batch: a container's pool thread must not keep
     * an object of the application's (and so its class loader) once the application is gone.
     */
    private void leave(FlushBatch batch) {
        if (batch.depth == 1) {
            batches.remove();
        }
        batch.leave(flusher);
    }

    // ---- relay, lifecycle -----------------------------------------------------------------------

    /**
     * Starts the relay of the first {@link BroadcastRelayProvider} found in {@code loader} that
     * {@code settings} configure (the servlet bridge does this with the init parameters).
     *
     * @return whether a relay was started
     */
    public boolean startRelay(Function<String, String> settings, ClassLoader loader) {
        return relayStarted(relay.startFromProviders(settings, loader));
    }

    /** Starts {@code provider}'s relay with {@code settings} (e.g. an embedded server's own map); see {@link #startRelay(Function, ClassLoader)}. */
    public boolean startRelay(BroadcastRelayProvider provider, Function<String, String> settings) {
        return relayStarted(relay.start(provider, settings));
    }

    private boolean relayStarted(boolean started) {
        if (started) {
            showMetrics();
        }
        return started;
    }

    public RelayStatus relayStatus() {
        return relay.status();
    }

    /**
     * Stops relaying and broadcasting when the application stops (after its sessions closed, so
     * that what their onClose published still went out).
     */
    @Override
    public void close() {
        closed = true;
        relay.close();
        flusher.close();
        encoders.close();
        zlib.close();
        synchronized (this) {
            if (hideMetrics != null) {
                hideMetrics.run();
            }
        }
    }

    private synchronized void showMetrics() {
        if (hideMetrics == null && !closed) {
            hideMetrics = jmx.showInJmx("Broadcast", null, null, metrics, BroadcastMXBean.class);
        }
    }

    Topic topic(String name) { // the open topic, or null
        return table.get(name);
    }

    private int topicCount() {
        return table.size();
    }

    private Subscriber subscriberOf(SessionFanOut fanOut) {
        Subscriber known = subscribers.get(fanOut);
        if (known != null) {
            return known;
        }
        Subscriber created = new Subscriber(fanOut, settings.maxQueuedMessages(), flusher);
        known = subscribers.putIfAbsent(fanOut, created);
        if (known != null) {
            return known;
        }
        fanOut.onEnd(() -> leaveAll(created)); // at once if the session has ended already
        return created;
    }

    private void leaveAll(Subscriber subscriber) {
        subscribers.remove(subscriber.fanOut, subscriber);
        for (String topic : subscriber.end()) {
            table.updateExisting(topic, t -> t.remove(subscriber), false);
        }
    }

    private static SessionFanOut fanOutOf(Session session) {
        if (!(session instanceof FerrySession ferry) || !ferry.fanOut().isServer()) {
            throw new IllegalArgumentException("Only Ferry's server sessions subscribe to topics, not "
                    + (session == null ? "null" : session.getClass().getName()));
        }
        return ferry.fanOut();
    }

    private static void requireName(String topic) {
        if (topic == null || topic.isEmpty() || topic.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A topic is named by 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }
}
