package dev.ferry.distribution;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK's {@code java.net.http.WebSocket}, made blocking for tests: whole messages are queued as
 * they arrive (the JDK hands them over in parts), and every wait has a deadline. A client that
 * shares no code with Ferry, so that it checks the server against an independent implementation.
 */
final class JdkWebSocketClient implements AutoCloseable {

    /** A close frame as the client received it. */
    record Close(int code, String reason) {
    }

    private final Listener listener = new Listener();
    private final WebSocket webSocket;

    private JdkWebSocketClient(URI uri, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(uri, listener)
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
        Object message = listener.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            if (listener.closed.isDone()) {
                throw new AssertionError("no message: the connection ended with " + describe(listener.closed));
            }
            throw new AssertionError("no message within " + timeout);
        }
        return message;
    }

    /** @return the close frame the server sent */
    Close awaitClose(Duration timeout) throws Exception {
        return listener.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        webSocket.abort();
    }

    private static String describe(CompletableFuture<Close> closed) {
        try {
            return closed.getNow(null).toString();
        } catch (RuntimeException e) {
            return e.getCause() == null ? e.toString() : e.getCause().toString();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Close> closed = new CompletableFuture<>();
        // The JDK never calls a listener concurrently, so the partial messages need no locking.
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            // Returning null lets the JDK answer the server's close with the same code.
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
