package dev.ferry.samples;

import dev.ferry.samples.chat.FlatJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A chat client on the JDK's WebSocket client: collects the server's events as parsed JSON objects.
 * Public for the integration tests, which chat through nginx (they get it from this module's test jar).
 */
public final class ChatClient implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final boolean reads;
    /** Code and reason of the server's close frame. */
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private WebSocket ws;

    private ChatClient(boolean reads) {
        this.reads = reads;
    }

    /** Joins {@code room} at {@code base} (e.g. ws://127.0.0.1:8080) as {@code name}. */
    public static ChatClient join(HttpClient http, String base, String room, String name) throws Exception {
        return connect(http, URI.create(base + "/chat/" + room + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), true);
    }

    /**
     * @param reads false for a client that never reads after the handshake: the JDK client then
     *     stops reading its socket, as a stuck browser tab would
     */
    static ChatClient connect(HttpClient http, URI uri, boolean reads) throws Exception {
        ChatClient client = new ChatClient(reads);
        client.ws = http.newWebSocketBuilder().buildAsync(uri, client).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reads) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            events.add(FlatJson.read(text.toString()));
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

    public void say(String message) throws Exception {
        sendRaw(FlatJson.write(Map.of("type", "say", "text", message)));
    }

    void sendRaw(String message) throws Exception {
        ws.sendText(message, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next event, whatever it is. */
    Map<String, Object> next() throws InterruptedException {
        Map<String, Object> event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + TIMEOUT);
        }
        return event;
    }

    /** Events up to and including the first that matches; fails after {@link #TIMEOUT}. */
    public List<Map<String, Object>> until(Predicate<Map<String, Object>> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<Map<String, Object>> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Map<String, Object> event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("No " + what + " within " + TIMEOUT + "; saw " + seen);
            }
            seen.add(event);
            if (wanted.test(event)) {
                return seen;
            }
        }
    }

    /** The welcome's {@code node}: which server this client reached. */
    public String awaitWelcomeNode() throws InterruptedException {
        return (String) until(e -> "welcome".equals(e.get("type")), "the welcome").stream()
                .filter(e -> "welcome".equals(e.get("type"))).findFirst().orElseThrow().get("node");
    }

    /** The code and reason of the server's close frame, once it came. */
    public String awaitClosed() throws Exception {
        return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits for the online count to be {@code count}. */
    public void awaitOnline(long count) throws InterruptedException {
        until(e -> "online".equals(e.get("type")) && Long.valueOf(count).equals(e.get("count")), "online count " + count);
    }

    public static Predicate<Map<String, Object>> said(String from, String text) {
        return e -> "say".equals(e.get("type")) && from.equals(e.get("from")) && text.equals(e.get("text"));
    }

    @Override
    public void close() {
        ws.abort();
    }

    public void closeNormally() throws Exception {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
