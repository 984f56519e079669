package dev.ferry.handshake;

import dev.ferry.handshake.UpgradeRequest;
import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The opening handshake request as a configurator sees it. Headers and parameters are copied
 * once into read-only maps, so a configurator can neither change the request nor observe a
 * change made by anyone else; the principal, roles and session stay live, as they belong to the
 * servlet container.
 */
public final class FerryHandshakeRequest implements HandshakeRequest {

    private final UpgradeRequest request;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> parameters;

    public FerryHandshakeRequest(UpgradeRequest request) {
        this(request, Map.of());
    }

    /**
     * @param pathParameters the values of the endpoint's URI template variables, which the
     *                       parameter map shows too (after the query's, as the TCK expects)
     */
    public FerryHandshakeRequest(UpgradeRequest request, Map<String, String> pathParameters) {
        this.request = Objects.requireNonNull(request, "request");
        this.headers = copyHeaders(request.headers());
        this.parameters = copyParameters(request.parameters(), pathParameters);
    }

    /** Read-only; header names compare case-insensitively; one value per header line. */
    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public Principal getUserPrincipal() {
        return request.userPrincipal();
    }

    @Override
    public URI getRequestURI() {
        return request.requestUri();
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public Object getHttpSession() {
        return request.httpSession();
    }

    /** Read-only, in the order the request gave them. */
    @Override
    public Map<String, List<String>> getParameterMap() {
        return parameters;
    }

    @Override
    public String getQueryString() {
        return request.queryString();
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> source) {
        Map<String, List<String>> target = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (source != null) {
            // A plain source map may hold one header under two spellings; merging keeps every line.
            source.forEach((name, values) -> {
                if (name != null) {
                    target.computeIfAbsent(name, key -> new ArrayList<>()).addAll(nonNull(values));
                }
            });
            target.replaceAll((name, values) -> List.copyOf(values));
        }
        return Collections.unmodifiableMap(target);
    }

    private static Map<String, List<String>> copyParameters(Map<String, List<String>> source,
            Map<String, String> pathParameters) {
        Map<String, List<String>> target = new LinkedHashMap<>();
        if (source != null) {
            source.forEach((name, values) -> target.put(name, List.copyOf(nonNull(values))));
        }
        if (pathParameters != null) {
            pathParameters.forEach((name, value) -> target.putIfAbsent(name, List.of(value)));
        }
        return Collections.unmodifiableMap(target);
    }

    private static List<String> nonNull(List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null) {
                return values.stream().filter(Objects::nonNull).toList();
            }
        }
        return values; // the usual case, copied by the caller: no stream per header
    }
}
