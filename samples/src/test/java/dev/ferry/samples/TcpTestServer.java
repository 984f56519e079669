package dev.ferry.samples;

import dev.ferry.testsupport.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP service on 127.0.0.1 for the bridge tests: it either echoes what it reads or greets and
 * hangs up. One thread per connection; {@link #close} closes every socket and waits for them.
 */
final class TcpTestServer implements AutoCloseable {

    private final ServerSocket server;
    private final String greeting;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private TcpTestServer(String greeting) throws IOException {
        this.greeting = greeting;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        start(this::acceptLoop, "tcp-test-accept");
    }

    /** Sends back every byte it reads, until the peer closes. */
    static TcpTestServer echo() throws IOException {
        return new TcpTestServer(null);
    }

    /** Sends {@code greeting} on each connection and closes it. */
    static TcpTestServer greetAndClose(String greeting) throws IOException {
        return new TcpTestServer(greeting);
    }

    /** A loopback port nothing listens on: it was bound a moment ago and released. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections currently open from the bridge. */
    int openConnections() {
        return open.size();
    }

    /** Waits until exactly {@code count} connections are open; fails after 10 s. */
    void awaitOpenConnections(int count) throws Exception {
        Poll.untilEquals(Duration.ofSeconds(10), "open TCP connections", count, open::size);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                start(() -> serve(s), "tcp-test-conn");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            if (greeting != null) {
                out.write(greeting.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The bridge closed the connection: nothing to do.
        } finally {
            open.remove(s);
        }
    }

    private void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        for (Thread t : threads) {
            t.join(5000);
        }
    }
}
