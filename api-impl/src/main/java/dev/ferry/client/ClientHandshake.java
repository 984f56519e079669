package dev.ferry.client;

import dev.ferry.extension.DeflateParameters;
import dev.ferry.handshake.AcceptKey;
import dev.ferry.handshake.ExtensionHeader;
import dev.ferry.handshake.FerryHandshakeResponse;
import dev.ferry.handshake.HeaderLookup;
import dev.ferry.handshake.HeaderTokens;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The client's side of the RFC 6455 opening handshake, without I/O: the request to send, and
 * the checks of the server's answer. The configurator sees (and may change) the request headers
 * before they are sent, and the response headers once they passed the checks.
 */
final class ClientHandshake {

    static final String KEY = "Sec-WebSocket-Key";
    static final String PROTOCOL = "Sec-WebSocket-Protocol";
    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    /** What the handshake settled. {@code subprotocol} is "" when none. */
    /** @param deflate permessage-deflate as the server agreed it, or {@code null} */
    record Agreement(String subprotocol, List<Extension> extensions, DeflateParameters deflate) {
    }

    private final URI uri;
    private final ClientEndpointConfig config;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * Builds the request headers and lets the configurator change them.
     *
     * @param keys the source of the random {@code Sec-WebSocket-Key}
     * @throws DeploymentException if the configurator's headers cannot be sent
     */
    ClientHandshake(URI uri, ClientEndpointConfig config, Random keys) throws DeploymentException {
        this.uri = uri;
        this.config = config;
        byte[] nonce = new byte[16];
        keys.nextBytes(nonce);
        put("Host", hostHeader(uri));
        put("Upgrade", "websocket");
        put("Connection", "Upgrade");
        put(KEY, Base64.getEncoder().encodeToString(nonce));
        put("Sec-WebSocket-Version", "13");
        if (!config.getPreferredSubprotocols().isEmpty()) {
            put(PROTOCOL, String.join(", ", config.getPreferredSubprotocols()));
        }
        List<Extension> offer = new ArrayList<>(config.getExtensions());
        if (ClientProperties.deflate(config)
                && offer.stream().noneMatch(e -> DeflateParameters.NAME.equals(e.getName()))) {
            offer.add(DeflateParameters.clientOffer());
        }
        if (!offer.isEmpty()) {
            try {
                put(EXTENSIONS, ExtensionHeader.format(offer));
            } catch (IllegalArgumentException e) {
                throw new DeploymentException("Cannot offer the configured extensions: " + e.getMessage(), e);
            }
        }
        config.getConfigurator().beforeRequest(headers);
    }

    private void put(String name, String value) {
        headers.put(name, new ArrayList<>(List.of(value)));
    }

    /** {@code host[:port]}, the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || port == (secure ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** The headers as they will be (or were) sent. */
    Map<String, List<String>> requestHeaders() {
        return headers;
    }

    /** The request bytes: {@code GET <path?query> HTTP/1.1} and the headers. */
    ByteBuffer request() throws DeploymentException {
        StringBuilder request = new StringBuilder(256);
        request.append("GET ").append(requestTarget(uri)).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey();
            if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                throw new DeploymentException("Request header name " + ResponseHeadParser.printable(String.valueOf(name))
                        + " set by the configurator is not a valid HTTP header name");
            }
            for (String value : header.getValue() == null ? List.<String>of() : header.getValue()) {
                if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new DeploymentException("Request header " + name
                            + " has a value that is null or contains CR or LF; it cannot be sent");
                }
                request.append(name).append(": ").append(value).append("\r\n");
            }
        }
        request.append("\r\n");
        return ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * Checks the server's answer, then lets the configurator see it.
     *
     * @throws DeploymentException saying what the server got wrong
     */
    Agreement accept(HttpResponseHead response) throws DeploymentException {
        if (response.status() != 101) {
            throw new DeploymentException("The server refused the WebSocket upgrade of " + uri + ": HTTP "
                    + response.status() + " " + ResponseHeadParser.printable(response.reason())
                    + " instead of 101 Switching Protocols");
        }
        if (!HeaderTokens.contains(response.values("Upgrade"), "websocket")) {
            throw failure("its Upgrade header is " + response.values("Upgrade") + ", not websocket");
        }
        if (!HeaderTokens.contains(response.values("Connection"), "upgrade")) {
            throw failure("its Connection header " + response.values("Connection") + " lacks the upgrade token");
        }
        String expected = AcceptKey.compute(sentValue(KEY));
        List<String> accept = response.values(HandshakeResponse.SEC_WEBSOCKET_ACCEPT);
        if (accept.size() != 1 || !expected.equals(accept.get(0).trim())) {
            throw failure("wrong Sec-WebSocket-Accept " + accept + "; expected " + expected);
        }
        List<Extension> extensions = extensions(response);
        Agreement agreement = new Agreement(subprotocol(response), extensions, deflate(extensions));
        config.getConfigurator().afterResponse(new FerryHandshakeResponse(response.headers()));
        return agreement;
    }

    private String subprotocol(HttpResponseHead response) throws DeploymentException {
        List<String> chosen = HeaderTokens.split(response.values(PROTOCOL));
        if (chosen.isEmpty()) {
            return "";
        }
        List<String> offered = HeaderTokens.split(HeaderLookup.values(headers, PROTOCOL));
        if (chosen.size() > 1 || !offered.contains(chosen.get(0))) {
            throw failure("it chose subprotocol " + chosen + " but the client offered only " + offered);
        }
        return chosen.get(0);
    }

    private List<Extension> extensions(HttpResponseHead response) throws DeploymentException {
        List<Extension> accepted;
        Set<String> offered = new HashSet<>();
        try {
            accepted = ExtensionHeader.parse(response.values(EXTENSIONS));
            for (Extension e : ExtensionHeader.parse(HeaderLookup.values(headers, EXTENSIONS))) {
                offered.add(e.getName().toLowerCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage());
        }
        for (Extension extension : accepted) {
            if (!offered.contains(extension.getName().toLowerCase(Locale.ROOT))) {
                throw failure("it accepted extension " + extension.getName() + ", which the client did not offer");
            }
        }
        return accepted;
    }

    private DeflateParameters deflate(List<Extension> accepted) throws DeploymentException {
        DeflateParameters agreed = null;
        for (Extension extension : accepted) {
            if (DeflateParameters.NAME.equals(extension.getName())) {
                if (agreed != null) {
                    throw failure("it accepted permessage-deflate twice");
                }
                agreed = DeflateParameters.fromResponse(extension).orElseThrow(
                        () -> failure("its permessage-deflate parameters " + extension + " are not valid"));
            }
        }
        return agreed;
    }

    private String sentValue(String name) {
        List<String> values = HeaderLookup.values(headers, name);
        return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private DeploymentException failure(String problem) {
        return new DeploymentException("The server's answer to the WebSocket upgrade of " + uri
                + " is not valid: " + problem);
    }
}
