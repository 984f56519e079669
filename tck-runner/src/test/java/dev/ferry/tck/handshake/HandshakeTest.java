package dev.ferry.tck.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.HandshakeResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Section 4.x HandshakeRequest / HandshakeResponse, and what plain HTTP sees. */
class HandshakeTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("handshake", HandshakeApp.class);
    }

    private RecordingClient recorded(String pathAndQuery, CompletableFuture<HandshakeResponse> response) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                headers.put("x-mixed-case", List.of("v1"));
            }

            @Override
            public void afterResponse(HandshakeResponse hr) {
                response.complete(hr);
            }
        }).build();
        return connect(pathAndQuery, config);
    }

    @Test
    void requestUriQueryAndParameters() throws Exception {
        RecordingClient c = recorded("handshake?x=1&y=2&x=3", new CompletableFuture<>());
        assertTrue(c.ask("uri").endsWith("/handshake/handshake?x=1&y=2&x=3"), () -> "uri");
        assertEquals("x=1&y=2&x=3", c.ask("query"));
        assertEquals("{x=[1, 3], y=[2]}", c.ask("parameters"));
    }

    @Test
    void headersAreCaseInsensitive() throws Exception {
        RecordingClient c = recorded("handshake", new CompletableFuture<>());
        assertEquals("[v1]", c.ask("header"));
        assertEquals("[13]", c.ask("version"));
    }

    @Test
    void anonymousRequestHasNoPrincipalRoleOrHttpSession() throws Exception {
        RecordingClient c = recorded("handshake", new CompletableFuture<>());
        assertEquals("null", c.ask("principal"));
        assertEquals("false", c.ask("in-role"));
        assertEquals("null", c.ask("http-session"));
    }

    @Test
    void responseHeadersReachTheClient() throws Exception {
        CompletableFuture<HandshakeResponse> response = new CompletableFuture<>();
        recorded("handshake", response);
        Map<String, List<String>> headers = response.get(10, TimeUnit.SECONDS).getHeaders();
        List<String> value = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Handshake"))
                .map(Map.Entry::getValue).findFirst().orElse(List.of());
        assertEquals(List.of("seen"), value);
    }

    @Test
    void plainHttpToAnEndpointPathIsNotUpgraded() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http("echo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // Not a handshake: the request passes through to the application, which has no such resource.
        assertEquals(404, response.statusCode());
    }
}
