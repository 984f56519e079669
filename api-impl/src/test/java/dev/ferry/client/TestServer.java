package dev.ferry.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A small blocking WebSocket server for the client tests: a thread accepts, a thread per
 * connection runs the test's {@link Script}, which does the server's handshake by hand (so it
 * can misbehave) and then speaks frames through a {@link Peer}.
 */
final class TestServer implements AutoCloseable {

    /** What the server does with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Script script;
    private final boolean secure;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TestServer(ServerSocket serverSocket, Script script, boolean secure) {
        this.serverSocket = serverSocket;
        this.script = script;
        this.secure = secure;
        this.acceptor = new Thread(this::acceptLoop, "test-server-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    static TestServer start(Script script) throws IOException {
        return new TestServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script, false);
    }

    static TestServer startTls(SSLContext context, Script script) throws IOException {
        ServerSocket socket = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new TestServer(socket, script, true);
    }

    URI uri(String pathAndQuery) {
        return URI.create((secure ? "wss" : "ws") + "://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
    }

    /** Failures of scripts, to assert none happened (a script's assertion is a test failure). */
    List<Throwable> failures() {
        return failures;
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(socket);
            Thread worker = new Thread(() -> serve(socket), "test-server-conn");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5_000); // every blocking read of a script has a deadline
            socket.setTcpNoDelay(true);
            script.run(new Peer(socket));
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
