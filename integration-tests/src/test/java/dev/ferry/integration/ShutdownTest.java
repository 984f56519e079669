package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.ServerKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stopping the server closes every open session with 1001 (going away), in every container. */
class ShutdownTest {

    private static final class CloseListener implements WebSocket.Listener {
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        final CompletableFuture<String> firstEcho = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            firstEcho.complete(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void stoppingTheServerClosesEverySessionWithGoingAway(ServerKind kind) throws Exception {
        EmbeddedServer server = kind.create();
        server.start(0, FerryWebApp.deploying(Set.of(EchoEndpoint.class)).build());
        List<CloseListener> listeners = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 3; i++) {
                CloseListener listener = new CloseListener();
                WebSocket socket = http.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/echo"), listener)
                        .get(10, TimeUnit.SECONDS);
                // The client has its 101 before the server's session may be open; an echo proves it is.
                socket.sendText("open?", true).get(10, TimeUnit.SECONDS);
                assertEquals("open?", listener.firstEcho.get(10, TimeUnit.SECONDS));
                listeners.add(listener);
            }
        } finally {
            server.stop();
        }
        for (CloseListener listener : listeners) {
            assertEquals(1001, listener.closeCode.get(10, TimeUnit.SECONDS));
        }
    }
}
