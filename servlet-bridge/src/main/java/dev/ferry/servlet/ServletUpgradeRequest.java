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
    public URI requestUri() {
        String scheme = request.isSecure() ? "wss" : "ws";
        String host = request.getServerName();
        if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        String query = request.getQueryString();
        String raw = scheme + "://" + host + ":" + request.getServerPort() + request.getRequestURI()
                + (query == null ? "" : "?" + query);
        try {
            return new URI(raw);
        } catch (URISyntaxException e) {
            // The client sent characters a URI may not hold raw; quote them rather than fail the handshake.
            try {
                return new URI(scheme, null, request.getServerName(), request.getServerPort(),
                        request.getRequestURI(), query, null);
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
        if (parameters == null) {
            Map<String, List<String>> copy = new TreeMap<>();
            if ("GET".equalsIgnoreCase(request.getMethod())) {
                request.getParameterMap().forEach((name, values) -> copy.put(name, List.of(values)));
            }
            parameters = Collections.unmodifiableMap(copy);
        }
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
