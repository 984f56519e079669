package dev.ferry.spring.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.testsupport.JdkMessageCollector;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** ferry.websocket.* in the application's properties reach Ferry and change what it does. */
@FerryBootTest
@TestPropertySource(properties = {
        "ferry.websocket.max-text-message-size=1KB",
        "ferry.websocket.idle-timeout=2m",
        "ferry.websocket.allowed-origins=https://chat.example"})
class SettingsTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ServletContext servletContext;

    @Test
    void theContainerHasTheConfiguredDefaults() {
        ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
        assertEquals(1024, container.getDefaultMaxTextMessageBufferSize());
        assertEquals(120_000, container.getDefaultMaxSessionIdleTimeout());
        assertEquals("1024", servletContext.getInitParameter("dev.ferry.maxTextMessageSize"));
    }

    @Test
    void aTextMessageOverTheConfiguredLimitClosesWith1009() throws Exception {
        Peers.JdkConnection connection = Peers.jdk(port, "/rooms/limits");
        connection.socket().sendText("x".repeat(1025), true).orTimeout(10, TimeUnit.SECONDS).join();
        JdkMessageCollector.Close close = connection.messages().awaitClose(Peers.TIMEOUT);
        assertEquals(1009, close.code(), close.toString());
    }

    @Test
    void aBrowserOriginOutsideTheAllowedOnesGets403() {
        CompletionException refused = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://localhost:" + port + "/rooms/x"), new JdkMessageCollector())
                .orTimeout(10, TimeUnit.SECONDS).join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(403, handshake.getResponse().statusCode());

        WebSocket allowed = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "https://chat.example")
                .buildAsync(URI.create("ws://localhost:" + port + "/rooms/x"), new JdkMessageCollector())
                .orTimeout(10, TimeUnit.SECONDS).join();
        allowed.abort();
    }
}
