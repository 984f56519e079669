package dev.ferry.session;

import jakarta.websocket.Extension;
import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the opening handshake settled, as the session reports it to the application.
 *
 * @param requestUriText the request URI as text: a parsed {@link URI} holds five strings more, which
 *                       every idle connection would carry for a value applications rarely ask for
 * @param subprotocol the negotiated subprotocol, "" when none
 */
public record HandshakeInfo(
        String requestUriText,
        String queryString,
        Map<String, List<String>> parameters,
        Map<String, String> pathParameters,
        Principal userPrincipal,
        String subprotocol,
        List<Extension> extensions,
        boolean secure) {

    public HandshakeInfo(URI requestUri, String queryString, Map<String, List<String>> parameters,
            Map<String, String> pathParameters, Principal userPrincipal, String subprotocol,
            List<Extension> extensions, boolean secure) {
        this(requestUri.toString(), queryString, parameters, pathParameters, userPrincipal, subprotocol, extensions,
                secure);
    }

    public HandshakeInfo {
        parameters = orderedCopy(parameters);
        pathParameters = orderedCopy(pathParameters);
        subprotocol = subprotocol == null ? "" : subprotocol;
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** The request URI, parsed anew (it parsed once already, so it parses again to an equal URI). */
    public URI requestUri() {
        return URI.create(requestUriText);
    }

    /**
     * An unmodifiable copy that keeps the order it was given (path parameters in template order,
     * request parameters in query order), which applications see when they iterate;
     * {@code Map.copyOf} would scramble it.
     */
    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
