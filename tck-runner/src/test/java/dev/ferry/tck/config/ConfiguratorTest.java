package dev.ferry.tck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Section 3.1 and the Configurator API, seen from a client. */
class ConfiguratorTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("configurators", ConfiguratorApp.class);
    }

    private static ClientEndpointConfig withHeaders(Map<String, List<String>> extra, CompletableFuture<HandshakeResponse> response) {
        return ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> headers) {
                headers.putAll(extra);
            }

            @Override
            public void afterResponse(HandshakeResponse hr) {
                response.complete(hr);
            }
        }).build();
    }

    @Test
    void modifyHandshakeSeesRequestHeadersAndSetsResponseHeaders() throws Exception {
        CompletableFuture<HandshakeResponse> response = new CompletableFuture<>();
        RecordingClient c = connect("headers", withHeaders(Map.of("X-Test-Request", List.of("one")), response));
        assertEquals("one", c.ask("?"));
        HandshakeResponse hr = response.get(10, TimeUnit.SECONDS);
        List<String> values = hr.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("X-Test-Response")).map(Map.Entry::getValue).findFirst().orElse(List.of());
        assertEquals(List.of("from-server"), values);
    }

    @Test
    void checkOriginAcceptsTheTrustedOrigin() throws Exception {
        RecordingClient c = connect("origin", withHeaders(Map.of("Origin", List.of("http://trusted.example")), new CompletableFuture<>()));
        assertEquals("ok", c.ask("ok"));
    }

    @Test
    void checkOriginRefusesOtherOrigins() {
        ClientEndpointConfig config = withHeaders(Map.of("Origin", List.of("http://evil.example")), new CompletableFuture<>());
        // A refused handshake: connectToServer fails instead of opening a session.
        Exception e = assertThrows(Exception.class, () -> connect("origin", config));
        assertTrue(e instanceof DeploymentException || e instanceof java.io.IOException, e::toString);
    }

    @Test
    void defaultSubprotocolIsTheClientsFirstSupportedOne() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("foo", "superchat", "chat")).build();
        RecordingClient c = connect("subprotocols", config);
        assertEquals("superchat", c.session().getNegotiatedSubprotocol());
        assertEquals("[superchat]", c.ask("?"));
    }

    @Test
    void noCommonSubprotocolMeansNone() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().preferredSubprotocols(List.of("foo")).build();
        RecordingClient c = connect("subprotocols", config);
        assertEquals("", c.session().getNegotiatedSubprotocol());
        assertEquals("[]", c.ask("?"));
    }

    @Test
    void configuratorChoosesTheSubprotocol() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("chat", "foo", "superchat")).build();
        RecordingClient c = connect("subprotocols-last", config);
        assertEquals("superchat", c.ask("?"));
    }

    private static ClientEndpointConfig offeringDeflate() {
        Extension deflate = new Extension() {
            @Override
            public String getName() {
                return "permessage-deflate";
            }

            @Override
            public List<Parameter> getParameters() {
                return List.of();
            }
        };
        return ClientEndpointConfig.Builder.create().extensions(List.of(deflate)).build();
    }

    @Test
    void configuratorCanRefuseEveryExtension() throws Exception {
        RecordingClient c = connect("no-extensions", offeringDeflate());
        assertEquals("extensions=0", c.ask("?"));
        assertEquals(List.of(), c.session().getNegotiatedExtensions());
    }

    @Test
    void installedExtensionIsNegotiatedWhenOffered() throws Exception {
        RecordingClient c = connect("default-extensions", offeringDeflate());
        // Ferry installs permessage-deflate (README); a large message must survive compression.
        assertEquals("permessage-deflate;", c.ask("?"));
        String big = "compressible ".repeat(2_000);
        assertEquals(big, c.ask(big));
    }

    @Test
    void getEndpointInstanceSuppliesTheEndpoint() throws Exception {
        String first = connect("numbered").ask("?");
        String second = connect("numbered").ask("?");
        assertTrue(first.startsWith("made-by-configurator-"), first);
        assertNotEquals(first, second, "one instance per connection");
    }

    @Test
    void eachSessionGetsItsOwnEndpointInstanceByDefault() throws Exception {
        RecordingClient a = connect("instances");
        RecordingClient b = connect("instances");
        assertEquals("1", a.ask("x"));
        assertEquals("2", a.ask("x"));
        assertEquals("1", b.ask("x"));
    }

    @Test
    void defaultConfiguratorAcceptsAnyOrigin() throws Exception {
        assertEquals("origin-ok=true", connect("default-configurator").ask("?"));
    }
}
