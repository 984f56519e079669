package dev.ferry.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.JdkMessageCollector;
import jakarta.websocket.SendResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Ferry in embedded Tomcat 10.1, whose internals differ from Tomcat 11's (its {@code ContextBind}
 * has only {@code bind(boolean, ClassLoader)}), with Servlet 6.0 and the WebSocket API 2.1 that
 * Tomcat 10.1 ships: messages arrive and leave on both routes, callbacks are bound to the
 * application as Tomcat binds its own threads, and the log names the route.
 */
class Tomcat101Test {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<Class<?>> ENDPOINTS = Set.of(Endpoints.AsyncEcho.class, Endpoints.CallbackContextReport.class);

    @Test
    void runsAgainstTomcat101AndWebSocketApi21() throws Exception {
        try (EmbeddedTomcat tomcat = EmbeddedTomcat.start(ENDPOINTS, Map.of())) {
            assertTrue(tomcat.version().startsWith("10.1."), tomcat.version());
        }
        assertThrows(NoSuchMethodException.class, () -> SendResult.class.getMethod("getSession"),
                "the WebSocket API on the class path should be 2.1, as in Tomcat 10.1's lib/");
    }

    @Test
    void directIoDeliversMessagesOnThreadsBoundThroughTomcat101sContextBind() throws Exception {
        try (RouteLogCapture log = new RouteLogCapture();
                EmbeddedTomcat tomcat = EmbeddedTomcat.start(ENDPOINTS, Map.of())) {
            exchangeMessages(tomcat);
            List<String> info = log.at(Level.INFO);
            assertTrue(info.stream().anyMatch(m -> m.contains("direct I/O on Tomcat NIO for plain-TCP connections")
                    && m.contains("ContextBind.bind(boolean, ClassLoader)")), info.toString());
            assertTrue(info.contains("Ferry WebSocket, the root web application: first connection through "
                    + "direct I/O on Tomcat NIO"), info.toString());
            assertEquals(List.of(), log.at(Level.WARNING));
        }
    }

    @Test
    void theServletUpgradeWorksOnServlet60() throws Exception {
        try (RouteLogCapture log = new RouteLogCapture();
                EmbeddedTomcat tomcat = EmbeddedTomcat.start(ENDPOINTS, Map.of("dev.ferry.directIo", "false"))) {
            exchangeMessages(tomcat);
            List<String> info = log.at(Level.INFO);
            assertTrue(info.contains("Ferry WebSocket, the root web application: first connection through "
                    + "servlet upgrade (dev.ferry.directIo=false)"), info.toString());
            assertEquals(List.of(), log.at(Level.WARNING));
        }
    }

    /** An async send completes and tells its handler; the callback thread is the application's. */
    private static void exchangeMessages(EmbeddedTomcat tomcat) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JdkMessageCollector async = new JdkMessageCollector();
        WebSocket asyncSocket = connect(http, tomcat, "async", async);
        asyncSocket.sendText("hello 10.1", true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals("hello 10.1", async.nextMessage(WAIT));
        assertEquals("sent ok=true", async.nextMessage(WAIT));
        asyncSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(WebSocket.NORMAL_CLOSURE, async.awaitClose(WAIT).code());

        JdkMessageCollector context = new JdkMessageCollector();
        WebSocket contextSocket = connect(http, tomcat, "callback-context", context);
        contextSocket.sendText("?", true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals("classLoader=ParallelWebappClassLoader jndi=true", context.nextMessage(WAIT));
        contextSocket.abort();
    }

    private static WebSocket connect(HttpClient http, EmbeddedTomcat tomcat, String path, JdkMessageCollector listener)
            throws Exception {
        return http.newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create("ws://127.0.0.1:" + tomcat.port() + "/" + path), listener)
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
