package dev.ferry.spring.boot.it;

import dev.ferry.client.FerryClientContainer;
import dev.ferry.testsupport.JdkMessageCollector;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/** The clients the tests drive the application with, none of them Ferry's own server code. */
final class Peers {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Peers() {
    }

    /** The JDK's WebSocket client, connected, with what it receives collected. */
    record JdkConnection(WebSocket socket, JdkMessageCollector messages) {
        String nextText() throws InterruptedException {
            return (String) messages.nextMessage(TIMEOUT);
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }
    }

    static JdkConnection jdk(int port, String path, String... subprotocols) {
        JdkMessageCollector messages = new JdkMessageCollector();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        WebSocket socket = builder.buildAsync(URI.create("ws://localhost:" + port + path), messages)
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        return new JdkConnection(socket, messages);
    }

    /**
     * Spring's standard client on the container {@code ContainerProvider} finds, which its default
     * constructor would take too; checked to be Ferry's client container.
     */
    static StandardWebSocketClient springClient(FerryClientContainer container) {
        return new StandardWebSocketClient(container);
    }

    /** A client container from the WebSocket API's provider lookup: Ferry's, with the starter. */
    static FerryClientContainer clientContainer() {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        if (!(container instanceof FerryClientContainer ferry)) {
            throw new AssertionError("ContainerProvider gave " + container.getClass().getName() + ", not Ferry's");
        }
        return ferry;
    }
}
