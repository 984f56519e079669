package dev.ferry.servlet;

import dev.ferry.handshake.UpgradeRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shows an {@link HttpServletRequest} to the engine as an {@link UpgradeRequest}.
 *
 * <p>Headers and parameters are copied only when asked for: the upgrade filter sees every request
 * of the application, and most of them are not handshakes. Parameters are read only for GET
 * requests, so that a POST passing through keeps its body for the application.
 */
final class ServletUpgradeRequest implements UpgradeRequest {

    /** The characters besides letters and digits a URI's path and query may hold as they are. */
    private static final String PLAIN = "-._~!$&'()*+,;=:@/?";

    private final HttpServletRequest request;
    private Map<String, List<String>> headers;
    private Map<String, List<String>> parameters;

    ServletUpgradeRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String protocol() {
        return request.getProtocol();
    }

    @Override
    public String path() {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String requestUriText() {
        String pathAndQuery = rawPathAndQuery();
        // A path and query of plain URI characters parse as they are (the usual case): no URI
        // object is made for the text every handshake keeps. Anything else goes the long way.
        return isPlainUriText(pathAndQuery) ? authority() + pathAndQuery : requestUri().toString();
    }

    private String authority() {
        String host = request.getServerName();
        if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        return (request.isSecure() ? "wss" : "ws") + "://" + host + ":" + request.getServerPort();
    }

    private String rawPathAndQuery() {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /**
     * Whether {@code pathAndQuery} holds only characters a URI's path and query may hold as they
     * are (letters, digits, {@code -._~!$&'()*+,;=:@/?}, and {@code %} before two hex digits):
     * such text is a valid URI behind a scheme and host.
     */
    static boolean isPlainUriText(String pathAndQuery) {
        int n = pathAndQuery.length();
        for (int i = 0; i < n; i++) {
            char c = pathAndQuery.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PLAIN.indexOf(c) >= 0) {
                continue;
            }
            if (c != '%' || i + 2 >= n || !isHex(pathAndQuery.charAt(i + 1)) || !isHex(pathAndQuery.charAt(i + 2))) {
                return false;
            }
            i += 2;
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    @Override
    public URI requestUri() {
        String raw = authority() + rawPathAndQuery();
        try {
            return new URI(raw);
        } catch (URISyntaxException e) {
            // The client sent characters a URI may not hold raw; quote them rather than fail the handshake.
            try {
                return new URI(request.isSecure() ? "wss" : "ws", null, request.getServerName(),
                        request.getServerPort(), request.getRequestURI(), request.getQueryString(), null);
            } catch (URISyntaxException again) {
                throw new IllegalArgumentException("Request URI cannot be represented: " + raw, again);
            }
        }
    }

    @Override
    public String queryString() {
        return request.getQueryString();
    }

    @Override
    public Map<String, List<String>> headers() {
        if (headers == null) {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : Collections.list(request.getHeaderNames())) {
                copy.computeIfAbsent(name, n -> new java.util.ArrayList<>())
                        .addAll(Collections.list(request.getHeaders(name)));
            }
            copy.replaceAll((name, values) -> List.copyOf(values));
            headers = Collections.unmodifiableMap(copy);
        }
        return headers;
    }

    @Override
    public Map<String, List<String>> parameters() {
        if (parameters != null) {
            return parameters;
        }
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !"GET".equalsIgnoreCase(request.getMethod())) {
            // A handshake is a GET, whose parameters come from its query: without one, the
            // container need not parse them (in Jetty that costs a few percent of a handshake).
            parameters = Map.of();
            return parameters;
        }
        Map<String, List<String>> copy = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> copy.put(name, List.of(values)));
        parameters = Collections.unmodifiableMap(copy);
        return parameters;
    }

    @Override
    public Principal userPrincipal() {
        return request.getUserPrincipal();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public Object httpSession() {
        return request.getSession(false);
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }
}
