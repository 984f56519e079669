package dev.ferry.session;

import jakarta.websocket.Extension;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What the opening handshake settled, as the session reports it to the application.
 *
 * @param subprotocol the negotiated subprotocol, "" when none
 */
public record HandshakeInfo(
        URI requestUri,
        String queryString,
        Map<String, List<String>> parameters,
        Map<String, String> pathParameters,
        Principal userPrincipal,
        String subprotocol,
        List<Extension> extensions,
        boolean secure) {

    public HandshakeInfo {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        subprotocol = subprotocol == null ? "" : subprotocol;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }
}
