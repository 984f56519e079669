package dev.ferry.handshake;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request that may open a WebSocket, as the server container needs to see it. The servlet
 * bridge adapts {@code HttpServletRequest} to this; tests build it by hand. Nothing here is
 * servlet-specific, so the engine never sees a servlet.
 */
public interface UpgradeRequest {

    /** The HTTP method, e.g. {@code GET}. */
    String method();

    /** The protocol of the request line, e.g. {@code HTTP/1.1}. */
    String protocol();

    /**
     * The path inside the application that endpoint paths are matched against (the servlet path
     * plus path info: no context path, no query), e.g. {@code /chat/lobby}.
     */
    String path();

    /** The full request URI as the client asked for it, with scheme ws/wss, host, path and query. */
    URI requestUri();

    /**
     * {@link #requestUri()} as text, which {@link URI#create} parses back to it. A request may
     * give it without parsing it first: every handshake needs the text, few applications the URI.
     */
    default String requestUriText() {
        return requestUri().toString();
    }

    /** The raw query string, or {@code null}. */
    String queryString();

    /** All headers; keys compare case-insensitively; a header sent on several lines has several values. */
    Map<String, List<String>> headers();

    /** The request parameters (query string ones at least). */
    Map<String, List<String>> parameters();

    /** The authenticated user, or {@code null}. */
    Principal userPrincipal();

    boolean isUserInRole(String role);

    /** The HTTP session object of the container (e.g. {@code HttpSession}), or {@code null}. */
    Object httpSession();

    /** Whether the request came over TLS. */
    boolean isSecure();
}
