package dev.ferry.testsupport;

import java.io.ByteArrayOutputStream;
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
 * A listener for the JDK's {@code java.net.http.WebSocket} (a client that shares no code with
 * Ferry) that collects what the server sends, for tests to take with a deadline: whole messages
 * (the JDK hands them over in parts), pongs, and the server's close frame.
 *
 * <p>Returning {@code null} from {@link #onClose} lets the JDK answer the server's close with the
 * same code, as a browser does.
 */
public final class JdkMessageCollector implements WebSocket.Listener {

    /** A close frame as the client received it. */
    public record Close(int code, String reason) {
        @Override
        public String toString() {
            return code + " " + reason;
        }
    }

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    // The JDK never calls a listener concurrently, so the partial messages need no locking.
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    /** @return the next whole message, a {@code String} or a {@code byte[]} */
    public Object nextMessage(Duration timeout) throws InterruptedException {
        Object message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError(closed.isDone()
                    ? "no message: the connection ended with " + describeEnd()
                    : "no message within " + timeout);
        }
        return message;
    }

    /** @return the next whole message, or null when none came within {@code timeout} */
    public Object pollMessage(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whole messages received and not taken yet. */
    public int pendingMessages() {
        return messages.size();
    }

    /** @return the payload of the next pong */
    public byte[] nextPong(Duration timeout) throws InterruptedException {
        byte[] pong = pongs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (pong == null) {
            throw new AssertionError("no pong within " + timeout);
        }
        return pong;
    }

    /** @return the close frame the server sent; fails when the connection ended without one */
    public Close awaitClose(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

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
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        pongs.add(bytes);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    private String describeEnd() {
        try {
            return String.valueOf(closed.getNow(null));
        } catch (RuntimeException e) {
            return e.getCause() == null ? e.toString() : e.getCause().toString();
        }
    }
}
