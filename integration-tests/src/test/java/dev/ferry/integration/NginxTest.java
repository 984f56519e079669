package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.samples.ChatClient;
import dev.ferry.samples.DemoApplication;
import dev.ferry.samples.chat.ChatEndpoint;
import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.JdkMessageCollector;
import dev.ferry.testsupport.RequiresPrograms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The samples' demo behind Debian's nginx with {@code samples/nginx/ferry-chat.conf}, in every container,
 * through the JDK's HTTP and WebSocket clients; and the same configuration without its Upgrade
 * and Connection lines, to show what they are for.
 */
@RequiresPrograms(ExternalProgram.NGINX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxTest {

    private final Map<ServerKind, EmbeddedServer> demos = new EnumMap<>(ServerKind.class);
    private final Map<ServerKind, NginxProcess> proxies = new EnumMap<>(ServerKind.class);
    private final Map<ServerKind, NginxProcess> brokenProxies = new EnumMap<>(ServerKind.class);
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            EmbeddedServer demo = kind.create();
            demos.put(kind, demo);
            DemoApplication.start(demo, 0, List.of());
            proxies.put(kind, NginxProcess.start(demo.port(), site -> site));
            brokenProxies.put(kind, NginxProcess.start(demo.port(), NginxTest::withoutUpgradeHeaders));
        }
        http = HttpClient.newHttpClient();
    }

    /** The site configuration less its two lines that pass the client's upgrade request on. */
    static String withoutUpgradeHeaders(String site) {
        String edited = site.lines()
                .filter(line -> !line.contains("proxy_set_header Upgrade") && !line.contains("proxy_set_header Connection"))
                .collect(Collectors.joining("\n", "", "\n"));
        if (edited.lines().count() != site.lines().count() - 2) {
            throw new IllegalStateException("Expected one Upgrade and one Connection line in " + NginxProcess.SITE);
        }
        return edited;
    }

    @AfterAll
    void stop() throws Exception {
        try {
            for (NginxProcess nginx : proxies.values()) {
                nginx.close();
            }
            for (NginxProcess nginx : brokenProxies.values()) {
                nginx.close();
            }
        } finally {
            for (EmbeddedServer demo : demos.values()) {
                demo.stop();
            }
        }
    }

    private String ws(Map<ServerKind, NginxProcess> which, ServerKind kind) {
        return "ws://127.0.0.1:" + which.get(kind).port();
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void pageComesThroughNginx(ServerKind kind) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + proxies.get(kind).port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Ferry chat</title>"), page.body());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void chatWorksThroughNginx(ServerKind kind) throws Exception {
        String room = "nginx-" + kind.cliName();
        try (ChatClient alice = ChatClient.join(http, ws(proxies, kind), room, "alice");
                ChatClient bob = ChatClient.join(http, ws(proxies, kind), room, "bob")) {
            alice.awaitOnline(2);
            bob.awaitOnline(2);
            alice.say("through nginx");
            bob.until(ChatClient.said("alice", "through nginx"), "alice's message via nginx");
            bob.closeNormally();
            alice.until(e -> "leave".equals(e.get("type")) && "bob".equals(e.get("name")), "bob leaving");
            alice.awaitOnline(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void echoWorksThroughNginx(ServerKind kind) throws Exception {
        JdkMessageCollector echoed = new JdkMessageCollector();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(ws(proxies, kind) + "/echo"), echoed)
                .get(10, TimeUnit.SECONDS);
        try {
            String big = "echo through nginx ".repeat(10_000); // 190 KB: more than any nginx buffer
            ws.sendText(big, true).get(10, TimeUnit.SECONDS);
            assertEquals(big, echoed.nextMessage(Duration.ofSeconds(10)));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        } finally {
            ws.abort();
        }
    }

    /**
     * Without "Upgrade" and "Connection", nginx passes the handshake on as a plain GET: Ferry sees
     * no WebSocket request, the application answers it as a page it does not have, and the
     * client gets that status instead of 101.
     */
    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void withoutTheUpgradeLinesTheHandshakeFails(ServerKind kind) throws Exception {
        for (String path : new String[] {"/chat/lobby?name=alice", "/echo"}) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder()
                    .buildAsync(URI.create(ws(brokenProxies, kind) + path), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS));
            WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
            assertEquals(404, refused.getResponse().statusCode(), path);
        }
    }

    @Test
    void nginxWaitsLongerThanFerryBeforeCuttingAnIdleConnection() throws Exception {
        String site = Files.readString(NginxProcess.SITE);
        for (String directive : new String[] {"proxy_read_timeout", "proxy_send_timeout"}) {
            Matcher m = Pattern.compile(directive + " (\\d+)s;").matcher(site);
            assertTrue(m.find(), directive + " in seconds");
            long nginxMillis = TimeUnit.SECONDS.toMillis(Long.parseLong(m.group(1)));
            assertTrue(nginxMillis > ChatEndpoint.IDLE_TIMEOUT_MILLIS,
                    directive + " must outlast the chat's idle timeout of " + ChatEndpoint.IDLE_TIMEOUT_MILLIS + " ms");
        }
    }
}
