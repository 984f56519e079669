package dev.ferry.server;

import dev.ferry.extension.ServerExtensionNegotiation;
import dev.ferry.handshake.AcceptKey;
import dev.ferry.handshake.ExtensionHeader;
import dev.ferry.handshake.FerryHandshakeRequest;
import dev.ferry.handshake.FerryHandshakeResponse;
import dev.ferry.handshake.HandshakeValidator;
import dev.ferry.handshake.SubprotocolHeader;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeRequest;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's side of the opening handshake for one request and one endpoint: validation,
 * origin check, subprotocol and extension negotiation, the configurator's say, and the 101.
 */
final class ServerHandshake {

    private static final System.Logger LOG = System.getLogger(ServerHandshake.class.getName());

    private final Container container;

    ServerHandshake(Container container) {
        this.container = container;
    }

    UpgradeDecision decide(UpgradeRequest request, DeployedEndpoint endpoint, Map<String, String> pathParameters) {
        UpgradeDecision.Reject invalid = HandshakeValidator.check(request);
        if (invalid != null) {
            return invalid;
        }
        ServerEndpointConfig config = new PerSessionConfig(endpoint.config());
        ServerEndpointConfig.Configurator configurator = config.getConfigurator();
        String origin = first(request.headers(), "Origin");
        if (!container.allowsOrigin(origin)) {
            return reject(403, "Origin " + abbreviate(origin) + " is not in dev.ferry.allowedOrigins");
        }
        if (!configurator.checkOrigin(origin)) {
            return reject(403, "Origin " + abbreviate(origin) + " is not allowed to open a WebSocket here");
        }
        List<Extension> requestedExtensions;
        try {
            requestedExtensions = ExtensionHeader.parse(request.headers().getOrDefault("Sec-WebSocket-Extensions", List.of()));
        } catch (IllegalArgumentException e) {
            return reject(400, "Malformed Sec-WebSocket-Extensions header: " + e.getMessage());
        }
        List<String> requestedProtocols = SubprotocolHeader.requested(request.headers());
        String subprotocol = requestedProtocols.isEmpty() ? ""
                : configurator.getNegotiatedSubprotocol(config.getSubprotocols(), requestedProtocols);
        ServerExtensionNegotiation.Result extensions = ServerExtensionNegotiation.Result.NONE;
        if (!requestedExtensions.isEmpty()) {
            // An endpoint that lists extensions of its own offers those; otherwise the container's.
            List<Extension> installed = config.getExtensions().isEmpty() ? container.installedExtensions()
                    : config.getExtensions();
            List<Extension> chosen = configurator.getNegotiatedExtensions(installed, requestedExtensions);
            extensions = ServerExtensionNegotiation.negotiate(chosen == null ? List.of() : chosen,
                    requestedExtensions, container.deflateEnabled(config), container.deflateContextTakeover(config));
        }

        FerryHandshakeResponse response = new FerryHandshakeResponse();
        Map<String, List<String>> headers = response.getHeaders();
        headers.put("Upgrade", new ArrayList<>(List.of("websocket")));
        headers.put("Connection", new ArrayList<>(List.of("Upgrade")));
        headers.put("Sec-WebSocket-Accept",
                new ArrayList<>(List.of(AcceptKey.compute(first(request.headers(), "Sec-WebSocket-Key")))));
        if (subprotocol != null && !subprotocol.isEmpty()) {
            headers.put("Sec-WebSocket-Protocol", new ArrayList<>(List.of(subprotocol)));
        }
        if (!extensions.agreed().isEmpty()) {
            headers.put("Sec-WebSocket-Extensions",
                    new ArrayList<>(List.of(ExtensionHeader.format(extensions.agreed()))));
        }
        FerryHandshakeRequest handshakeRequest = new FerryHandshakeRequest(request, pathParameters);
        Endpoint instance;
        try {
            configurator.modifyHandshake(config, handshakeRequest, response);
            instance = endpoint.newEndpoint(configurator, pathParameters);
        } catch (InstantiationException | RuntimeException e) {
            LOG.log(Level.ERROR, "Cannot open a WebSocket session for " + config.getEndpointClass().getName(), e);
            return reject(500, "The endpoint could not be created");
        }
        Map<String, List<String>> answer = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answer.putAll(headers);
        return new UpgradeDecision.Accept(answer, container.pending(request, endpoint, config, instance,
                pathParameters, subprotocol == null ? "" : subprotocol, extensions));
    }

    static UpgradeDecision.Reject reject(int status, String message) {
        return new UpgradeDecision.Reject(status, Map.of(), message);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }

    /** What the handshake needs from the server container. */
    interface Container {
        /** The extensions the container implements, offered to configurators as "installed". */
        List<Extension> installedExtensions();

        boolean deflateEnabled(ServerEndpointConfig config);

        /** The container-wide origin allow-list (dev.ferry.allowedOrigins). */
        boolean allowsOrigin(String origin);

        boolean deflateContextTakeover(ServerEndpointConfig config);

        /** Creates the session that starts once the 101 is out. */
        UpgradeDecision.PendingSession pending(UpgradeRequest request, DeployedEndpoint endpoint,
                ServerEndpointConfig config, Endpoint instance, Map<String, String> pathParameters,
                String subprotocol, ServerExtensionNegotiation.Result extensions);
    }
}
