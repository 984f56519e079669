package dev.ferry.broadcast.redis;

import dev.ferry.broadcast.BroadcastRelay;
import dev.ferry.broadcast.RelayContext;
import dev.ferry.broadcast.RelayStatus;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Ferry's topics between nodes through Redis pub/sub, on Lettuce: every message published on this
 * node becomes one PUBLISH on the topic's channel; this node subscribes to a channel only while it
 * has a subscriber or listener of the topic, and hands what other nodes publish there to its own.
 *
 * <p>At most once: a PUBLISH that fails (Redis away) is counted as lost and never sent again,
 * Lettuce's replay of unanswered commands after a reconnect is switched off for PUBLISH, and a
 * message that still comes twice is recognised by its node's sequence number and dropped. One
 * connection publishes, so a node's messages reach every other node in the order it published them.
 * Nothing here waits for Redis on an application's thread; connecting, reconnecting (100 ms,
 * doubling up to {@code maxReconnectDelay}) and listening again happen on Lettuce's threads.
 */
final class RedisRelay implements BroadcastRelay {

    private static final System.Logger LOG = System.getLogger(RedisRelay.class.getName());
    /** Commands Lettuce may hold per connection before refusing more (a PUBLISH refused is lost). */
    static final int REQUEST_QUEUE = 10_000;
    /** How long the application's start waits for the first connection to Redis. */
    static final Duration FIRST_CONNECTION = Duration.ofSeconds(2);

    private final RelayContext context;
    private final RedisRelaySettings settings;
    private final ChannelNames channels;
    private final ClientResources resources;
    private final RedisClient client;
    /** This start of this node: what it publishes is numbered under it. */
    private final long origin = new SecureRandom().nextLong();
    private final Object sendLock = new Object();
    private long sequence;
    private final LongAdder published = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final SeenSequences seen = new SeenSequences();
    /** The topics this node wants to hear. */
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Reachability reachability;
    private volatile StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
    private volatile StatefulRedisConnection<byte[], byte[]> publisher;
    private volatile CompletableFuture<Long> lastPublish = CompletableFuture.completedFuture(0L);
    private volatile boolean closed;
    /** Done once the first attempt to open both connections succeeded or failed. */
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    /** The wait before the next first-connection attempt; the connecting thread's only. */
    private long connectDelayMillis = 100;

    private RedisRelay(RelayContext context, RedisRelaySettings settings) {
        this.context = context;
        this.settings = settings;
        this.channels = new ChannelNames(settings.channelPrefix());
        this.reachability = new Reachability(settings.broker(), context.nodeName(), lost::sum);
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2) // Lettuce's least: one would be raised to two, with a log line
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), settings.maxReconnectDelay(), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, settings.uri());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While Redis is away, commands fail at once instead of piling up for later.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // A PUBLISH sent just before a connection broke is not sent again: at most once.
                .replayFilter(command -> command.getType() == CommandType.PUBLISH)
                .requestQueueSize(REQUEST_QUEUE)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build())
                .build());
        client.addListener(new ConnectionEvents());
    }

    /**
     * A relay that connects in the background. Its first attempt gets up to {@link #FIRST_CONNECTION}
     * before this returns, so that an application usually starts relaying; until it has connected,
     * messages count as lost.
     */
    static RedisRelay start(RelayContext context, RedisRelaySettings settings) {
        RedisRelay relay = new RedisRelay(context, settings);
        relay.resources.eventExecutorGroup().execute(relay::connect);
        try {
            relay.firstAttempt.get(FIRST_CONNECTION.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // Redis is away: the application starts anyway, and the relay goes on trying.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return relay;
    }

    /** Opens both connections, again and again until they open (Lettuce reconnects them after that). */
    private void connect() {
        if (closed) {
            return;
        }
        try {
            if (subscriber == null) {
                StatefulRedisPubSubConnection<byte[], byte[]> s = client.connectPubSub(ByteArrayCodec.INSTANCE);
                s.addListener(new Inbound());
                subscriber = s;
                reachability.up(true);
                wanted.forEach(this::subscribe);
            }
            if (publisher == null) {
                publisher = client.connect(ByteArrayCodec.INSTANCE);
                reachability.up(false);
            }
            firstAttempt.complete(null);
            if (closed) {
                closeConnections();
            }
        } catch (RuntimeException e) {
            firstAttempt.complete(null);
            reachability.down(subscriber == null, describe(e));
            connectDelayMillis = Math.min(connectDelayMillis * 2, settings.maxReconnectDelay().toMillis());
            resources.eventExecutorGroup().schedule(this::connect, connectDelayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void publish(String topic, boolean text, ByteBuffer payload) {
        StatefulRedisConnection<byte[], byte[]> connection = publisher;
        if (closed) {
            return;
        }
        if (connection == null || !reachability.isUp()) {
            lost.increment();
            return;
        }
        byte[] channel = channels.channel(topic);
        byte[] envelope = new Envelope(text, origin, 0, payload).encode();
        RedisFuture<Long> future;
        synchronized (sendLock) {
            // Numbered in the order the one connection sends them: receivers rely on it.
            ByteBuffer.wrap(envelope).putLong(10, ++sequence);
            future = connection.async().publish(channel, envelope);
        }
        CompletableFuture<Long> done = future.toCompletableFuture();
        lastPublish = done;
        done.whenComplete((receivers, failure) -> (failure == null ? published : lost).increment());
    }

    @Override
    public void listen(String topic) {
        wanted.add(topic);
        subscribe(topic);
    }

    @Override
    public void stopListening(String topic) {
        wanted.remove(topic);
        unsubscribe(topic);
    }

    /** Subscribes to the topic's channel; tries again later while it is wanted and Redis refuses. */
    private void subscribe(String topic) {
        StatefulRedisPubSubConnection<byte[], byte[]> s = subscriber;
        if (s == null || closed) {
            return; // connect() subscribes to everything wanted
        }
        s.async().subscribe(channels.channel(topic)).whenComplete((ok, failure) -> {
            if (failure != null) {
                retry(() -> {
                    if (wanted.contains(topic)) {
                        subscribe(topic);
                    }
                });
            }
        });
    }

    private void unsubscribe(String topic) {
        StatefulRedisPubSubConnection<byte[], byte[]> s = subscriber;
        if (s == null || closed) {
            return;
        }
        s.async().unsubscribe(channels.channel(topic)).whenComplete((ok, failure) -> {
            if (failure != null) {
                retry(() -> {
                    if (!wanted.contains(topic)) {
                        unsubscribe(topic);
                    }
                });
            }
        });
    }

    private void retry(Runnable action) {
        if (!closed) {
            long delay = Math.min(500, settings.maxReconnectDelay().toMillis());
            resources.eventExecutorGroup().schedule(action, delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public RelayStatus status() {
        return new RelayStatus(settings.broker(), reachability.isUp(), published.sum(), lost.sum(), received.sum(),
                duplicates.sum());
    }

    /** Gives the last PUBLISH up to a second to leave, then closes the connections and Lettuce's threads. */
    @Override
    public void close() {
        closed = true;
        try {
            lastPublish.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Lost, or Redis is away: nothing more to wait for.
        }
        client.shutdown(0, 2, TimeUnit.SECONDS); // closes the connections too
        try {
            resources.shutdown(0, 2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "Lettuce's threads did not end in time", e);
        }
    }

    private void closeConnections() {
        StatefulRedisPubSubConnection<byte[], byte[]> s = subscriber;
        StatefulRedisConnection<byte[], byte[]> p = publisher;
        if (s != null) {
            s.closeAsync();
        }
        if (p != null) {
            p.closeAsync();
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
    }

    /** Messages of other nodes: once each, in order, to this node's subscribers. On Lettuce's I/O thread. */
    private final class Inbound extends RedisPubSubAdapter<byte[], byte[]> {
        @Override
        public void message(byte[] channel, byte[] message) {
            String topic = channels.topic(channel);
            Envelope envelope = topic == null ? null : Envelope.decode(message);
            if (envelope == null) {
                LOG.log(Level.DEBUG, () -> "Not a Ferry message on a Ferry channel; ignored");
                return;
            }
            if (envelope.origin() == origin) {
                return; // this node's own: its subscribers had it when it was published
            }
            if (!seen.firstTime(envelope.origin(), envelope.sequence())) {
                duplicates.increment();
                return;
            }
            received.increment();
            try {
                context.deliver(topic, envelope.text(), envelope.payload());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ferry WebSocket broadcast: delivering a message of topic " + topic
                        + " from another node failed", e);
            }
        }

        /** Redis confirmed a subscription: ours, or Lettuce's again after a reconnect. */
        @Override
        public void subscribed(byte[] channel, long count) {
            String topic = channels.topic(channel);
            if (topic != null && wanted.contains(topic)) {
                context.listening(topic);
            }
        }
    }

    /** Tells {@link Reachability} when either connection drops or comes back. */
    private final class ConnectionEvents implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (connection == subscriber) {
                reachability.up(true);
            } else if (connection == publisher) {
                reachability.up(false);
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (!closed && (connection == subscriber || connection == publisher)) {
                reachability.down(connection == subscriber, "the connection was lost");
            }
        }
    }
}
