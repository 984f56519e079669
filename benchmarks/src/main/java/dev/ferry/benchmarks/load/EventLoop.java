package dev.ferry.benchmarks.load;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One selector thread driving every client connection of a scenario. A single thread keeps the
 * load generator's own cost low and predictable on its one core; all scenario callbacks run here.
 */
final class EventLoop implements Closeable {

    private static final int READ_BUFFER_SIZE = 256 * 1024;
    private static final long MAX_SELECT_MS = 50;

    private final InetSocketAddress server;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private final SplittableRandom random = new SplittableRandom(20261127);
    private final Set<ClientConnection> live = new HashSet<>();
    /** Connections that queued bytes during the current dispatch; written when it ends. */
    private final List<ClientConnection> toFlush = new ArrayList<>();
    private boolean dispatching;

    EventLoop(InetSocketAddress server) throws IOException {
        if (!server.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("The load generator only targets loopback addresses, not " + server);
        }
        this.server = server;
        this.selector = Selector.open();
    }

    InetSocketAddress server() {
        return server;
    }

    /** Starts connecting and handshaking; the listener hears {@code onOpen} or {@code onError}. */
    ClientConnection connect(String path, ConnectionListener listener) throws IOException {
        return connect(path, listener, null);
    }

    /**
     * The same from a given local address ({@code null}: the system's choice). A loopback address
     * other than the server's (127.0.0.2, ...) brings its own range of ephemeral ports, which is
     * how one machine opens more connections to one server port than that range holds.
     */
    ClientConnection connect(String path, ConnectionListener listener, InetAddress localAddress) throws IOException {
        SocketChannel channel = SocketChannel.open();
        if (localAddress != null) {
            try {
                channel.bind(new InetSocketAddress(localAddress, 0));
            } catch (IOException e) {
                channel.close(); // e.g. no ephemeral port left on that address
                throw e;
            }
        }
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        String hostPort = server.getAddress().getHostAddress() + ":" + server.getPort();
        ClientConnection c = new ClientConnection(this, channel, listener,
                new Handshake(hostPort, path, random), random.nextLong());
        SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT, c);
        c.register(key);
        live.add(c);
        try {
            if (channel.connect(server)) {
                c.onConnectable();
            }
        } catch (IOException e) {
            c.fail(e);
        }
        return c;
    }

    void forget(ClientConnection c) {
        live.remove(c);
    }

    /** Whether the loop is handling a connection's event now (sends are then batched). */
    boolean dispatching() {
        return dispatching;
    }

    void flushAfterDispatch(ClientConnection c) {
        toFlush.add(c);
    }

    /** Connections not yet closed. */
    List<ClientConnection> liveConnections() {
        return new ArrayList<>(live);
    }

    /**
     * Handles I/O until {@code done} holds or the deadline ({@link System#nanoTime} based) passes.
     *
     * @return whether {@code done} held
     */
    boolean runUntil(BooleanSupplier done, long deadlineNanos) throws IOException {
        while (!done.getAsBoolean()) {
            long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return false;
            }
            // The consumer form: no selected-key set to fill, iterate and clear per select.
            selector.select(this::handle, Math.min(leftMs, MAX_SELECT_MS));
        }
        return true;
    }

    private void handle(SelectionKey key) {
        ClientConnection c = (ClientConnection) key.attachment();
        dispatching = true;
        try {
            if (key.isValid() && key.isConnectable()) {
                c.onConnectable();
            }
            if (key.isValid() && key.isWritable()) {
                c.onWritable();
            }
            if (key.isValid() && key.isReadable()) {
                c.onReadable(readBuffer);
            }
        } catch (IOException | RuntimeException e) {
            c.fail(e);
        } finally {
            dispatching = false;
            // Everything sent while handling this event (typically the next messages after the
            // echoes one read brought) leaves in one write per connection.
            for (int i = 0; i < toFlush.size(); i++) {
                toFlush.get(i).flushPending();
            }
            toFlush.clear();
        }
    }

    /** Closes every remaining connection cleanly if it can within the deadline, else resets it. */
    void closeAll(long deadlineNanos) throws IOException {
        for (ClientConnection c : liveConnections()) {
            c.close();
        }
        runUntil(live::isEmpty, deadlineNanos);
        for (ClientConnection c : liveConnections()) {
            c.abort();
        }
    }

    @Override
    public void close() throws IOException {
        for (ClientConnection c : liveConnections()) {
            c.abort();
        }
        selector.close();
    }
}
