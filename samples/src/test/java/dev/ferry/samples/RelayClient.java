package dev.ferry.samples;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A TCP bridge client on the JDK's WebSocket client: collects the bytes the bridge relays, from
 * binary messages or from Base64 text messages, and the close.
 */
final class RelayClient implements WebSocket.Listener, AutoCloseable {

    static final long TIMEOUT_SECONDS = 10;

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    WebSocket ws;

    /** Connects offering {@code subprotocols} (none when empty). */
    static RelayClient connect(HttpClient http, URI uri, String... subprotocols) throws Exception {
        RelayClient client = new RelayClient();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.ws = builder.buildAsync(uri, client).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        synchronized (received) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            received.writeBytes(b);
            received.notifyAll();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            synchronized (received) {
                received.writeBytes(Base64.getDecoder().decode(text.toString()));
                received.notifyAll();
            }
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Waits until {@code count} bytes have arrived and returns them; fails after the timeout. */
    byte[] awaitBytes(int count) throws InterruptedException {
        byte[] bytes = awaitBytesUnlessClosed(count);
        if (bytes == null) {
            throw new AssertionError("Closed before " + count + " bytes arrived: " + closed.getNow(null));
        }
        return bytes;
    }

    /** Like {@link #awaitBytes} but returns null once the server closed first. */
    byte[] awaitBytesUnlessClosed(int count) throws InterruptedException {
        closed.whenComplete((r, e) -> {
            synchronized (received) {
                received.notifyAll();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (received) {
            while (received.size() < count) {
                if (closed.isDone()) {
                    return null;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("Received " + received.size() + " of " + count + " bytes");
                }
                received.wait(left);
            }
            return received.toByteArray();
        }
    }

    String awaitClose() throws Exception {
        return closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
