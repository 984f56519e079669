package dev.ferry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.handshake.AcceptKey;
import dev.ferry.handshake.FerryExtension;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The handshake's request and checks, without sockets. */
class ClientHandshakeTest {

    private static ClientEndpointConfig plain() {
        return ClientEndpointConfig.Builder.create().build();
    }

    private static String request(ClientHandshake handshake) throws DeploymentException {
        return StandardCharsets.UTF_8.decode(handshake.request()).toString();
    }

    private static HttpResponseHead answer(ClientHandshake handshake, String... extra) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Upgrade", List.of("WebSocket"));
        headers.put("Connection", List.of("keep-alive, Upgrade"));
        headers.put("Sec-WebSocket-Accept",
                List.of(AcceptKey.compute(handshake.requestHeaders().get("Sec-WebSocket-Key").get(0))));
        for (String h : extra) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon), List.of(h.substring(colon + 1).trim()));
        }
        return new HttpResponseHead(101, "Switching Protocols", headers);
    }

    @Test
    void hostHeaderHasThePortOnlyWhenItIsNotTheDefault() {
        assertEquals("example.com", ClientHandshake.hostHeader(URI.create("ws://example.com/")));
        assertEquals("example.com", ClientHandshake.hostHeader(URI.create("ws://example.com:80/")));
        assertEquals("example.com", ClientHandshake.hostHeader(URI.create("wss://example.com:443/")));
        assertEquals("example.com:443", ClientHandshake.hostHeader(URI.create("ws://example.com:443/")));
        assertEquals("example.com:8080", ClientHandshake.hostHeader(URI.create("wss://example.com:8080/")));
        assertEquals("[::1]:9000", ClientHandshake.hostHeader(URI.create("ws://[::1]:9000/x")));
    }

    @Test
    void requestTargetIsThePathWithItsQueryOrASlash() {
        assertEquals("/", ClientHandshake.requestTarget(URI.create("ws://h")));
        assertEquals("/?a=1", ClientHandshake.requestTarget(URI.create("ws://h?a=1")));
        assertEquals("/p%20q?x=%26", ClientHandshake.requestTarget(URI.create("ws://h/p%20q?x=%26")));
    }

    @Test
    void requestIsAnHttp11GetWithAFreshKeyEachTime() throws Exception {
        Random random = new java.security.SecureRandom();
        ClientHandshake first = new ClientHandshake(URI.create("ws://h:81/a?b"), plain(), random);
        ClientHandshake second = new ClientHandshake(URI.create("ws://h:81/a?b"), plain(), random);
        String text = request(first);
        assertTrue(text.startsWith("GET /a?b HTTP/1.1\r\n"), text);
        assertTrue(text.contains("\r\nHost: h:81\r\n"), text);
        assertTrue(text.contains("\r\nSec-WebSocket-Version: 13\r\n"), text);
        assertTrue(text.endsWith("\r\n\r\n"), text);
        String key = first.requestHeaders().get("Sec-WebSocket-Key").get(0);
        assertEquals(16, java.util.Base64.getDecoder().decode(key).length);
        assertTrue(!key.equals(second.requestHeaders().get("Sec-WebSocket-Key").get(0)), "the key repeated");
    }

    @Test
    void subprotocolsAndExtensionsAreOffered() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("v2.chat", "v1.chat"))
                .extensions(List.of(new FerryExtension("x-test", List.of()))).build();
        String text = request(new ClientHandshake(URI.create("ws://h/"), config, new Random(1)));
        assertTrue(text.contains("\r\nSec-WebSocket-Protocol: v2.chat, v1.chat\r\n"), text);
        assertTrue(text.contains("\r\nSec-WebSocket-Extensions: x-test\r\n"), text);
    }

    @Test
    void permessageDeflateIsOfferedWhenSwitchedOn() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("dev.ferry.deflate", "true");
        String text = request(new ClientHandshake(URI.create("ws://h/"), config, new Random(1)));
        assertTrue(text.contains("\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"), text);
    }

    @Test
    void permessageDeflateIsNotOfferedByDefault() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        String text = request(new ClientHandshake(URI.create("ws://h/"), config, new Random(1)));
        assertTrue(!text.contains("Sec-WebSocket-Extensions"), text);
    }

    @Test
    void acceptIsCheckedAgainstTheKeyTheConfiguratorLeftInPlace() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="));
                    }
                }).build();
        ClientHandshake handshake = new ClientHandshake(URI.create("ws://h/"), config, new Random(1));
        assertTrue(request(handshake).contains("dGhlIHNhbXBsZSBub25jZQ=="));
        Map<String, List<String>> headers = Map.of("Upgrade", List.of("websocket"), "Connection", List.of("Upgrade"),
                "Sec-WebSocket-Accept", List.of("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")); // RFC 6455 section 1.3
        assertEquals("", handshake.accept(new HttpResponseHead(101, "", headers)).subprotocol());
    }

    @Test
    void headerValuesWithLineBreaksAreNotSent() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("X-Evil", List.of("a\r\nInjected: yes"));
                    }
                }).build();
        ClientHandshake handshake = new ClientHandshake(URI.create("ws://h/"), config, new Random(1));
        DeploymentException e = assertThrows(DeploymentException.class, handshake::request);
        assertTrue(e.getMessage().contains("X-Evil"), e.getMessage());
    }

    @Test
    void acceptedSubprotocolAndExtensionAreReportedAndAfterResponseSeesTheHeaders() throws Exception {
        AtomicReference<HandshakeResponse> seen = new AtomicReference<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("a", "b"))
                .extensions(List.of(new FerryExtension("x-test", List.of())))
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        seen.set(response);
                    }
                }).build();
        ClientHandshake handshake = new ClientHandshake(URI.create("ws://h/"), config, new Random(1));
        ClientHandshake.Agreement agreement = handshake.accept(
                answer(handshake, "Sec-WebSocket-Protocol: b", "Sec-WebSocket-Extensions: x-test; p=1"));
        assertEquals("b", agreement.subprotocol());
        List<Extension> extensions = new ArrayList<>(agreement.extensions());
        assertEquals("x-test", extensions.get(0).getName());
        assertEquals("p", extensions.get(0).getParameters().get(0).getName());
        assertEquals(List.of("b"), seen.get().getHeaders().get("sec-websocket-protocol"));
    }

    @Test
    void afterResponseIsNotCalledWhenTheAnswerIsWrong() throws Exception {
        AtomicReference<HandshakeResponse> seen = new AtomicReference<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        seen.set(response);
                    }
                }).build();
        ClientHandshake handshake = new ClientHandshake(URI.create("ws://h/"), config, new Random(1));
        HttpResponseHead noConnection = new HttpResponseHead(101, "", Map.of("Upgrade", List.of("websocket")));
        DeploymentException e = assertThrows(DeploymentException.class, () -> handshake.accept(noConnection));
        assertTrue(e.getMessage().contains("Connection"), e.getMessage());
        assertEquals(null, seen.get());
    }

    @Test
    void twoSubprotocolsInTheAnswerAreRefused() throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().preferredSubprotocols(List.of("a", "b"))
                .build();
        ClientHandshake handshake = new ClientHandshake(URI.create("ws://h/"), config, new Random(1));
        assertThrows(DeploymentException.class, () -> handshake.accept(answer(handshake, "Sec-WebSocket-Protocol: a, b")));
    }
}
