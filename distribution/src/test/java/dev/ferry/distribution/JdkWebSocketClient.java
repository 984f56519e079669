package dev.ferry.distribution;

import dev.ferry.testsupport.JdkMessageCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK's {@code java.net.http.WebSocket}, made blocking for tests: a client that shares no code
 * with Ferry, so that it checks the server against an independent implementation. What arrives is
 * collected by {@link JdkMessageCollector}; every wait has a deadline.
 */
final class JdkWebSocketClient implements AutoCloseable {

    private final JdkMessageCollector collector = new JdkMessageCollector();
    private final WebSocket webSocket;

    private JdkWebSocketClient(URI uri, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(uri, collector)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static JdkWebSocketClient connect(URI uri, Duration timeout) throws Exception {
        return new JdkWebSocketClient(uri, timeout);
    }

    void send(String text, Duration timeout) throws Exception {
        webSocket.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(byte[] data, Duration timeout) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(data), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts the closing handshake from the client's side. */
    void sendClose(int code, String reason, Duration timeout) throws Exception {
        webSocket.sendClose(code, reason).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the next whole message: a {@code String} or a {@code byte[]} */
    Object nextMessage(Duration timeout) throws Exception {
        return collector.nextMessage(timeout);
    }

    /** @return the close frame the server sent */
    JdkMessageCollector.Close awaitClose(Duration timeout) throws Exception {
        return collector.awaitClose(timeout);
    }

    @Override
    public void close() {
        webSocket.abort();
    }
}
