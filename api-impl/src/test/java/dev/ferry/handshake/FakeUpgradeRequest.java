package dev.ferry.handshake;

import dev.ferry.handshake.UpgradeRequest;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A hand-built request; starts as a valid opening handshake that each test then spoils. */
class FakeUpgradeRequest implements UpgradeRequest {

    static final String SAMPLE_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    String method = "GET";
    String protocol = "HTTP/1.1";
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, List<String>> parameters = new LinkedHashMap<>();
    Principal principal;
    Set<String> roles = Set.of();
    Object session;
    String query;
    URI uri = URI.create("ws://example.com/chat");

    static FakeUpgradeRequest valid() {
        FakeUpgradeRequest request = new FakeUpgradeRequest();
        request.header("Host", "example.com");
        request.header("Upgrade", "websocket");
        request.header("Connection", "Upgrade");
        request.header("Sec-WebSocket-Key", SAMPLE_KEY);
        request.header("Sec-WebSocket-Version", "13");
        return request;
    }

    /** Replaces header {@code name} by the given lines. */
    FakeUpgradeRequest header(String name, String... lines) {
        headers.put(name, new ArrayList<>(List.of(lines)));
        return this;
    }

    FakeUpgradeRequest without(String name) {
        headers.remove(name);
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String path() {
        return uri.getPath();
    }

    @Override
    public URI requestUri() {
        return uri;
    }

    @Override
    public String queryString() {
        return query;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public Map<String, List<String>> parameters() {
        return parameters;
    }

    @Override
    public Principal userPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public Object httpSession() {
        return session;
    }

    @Override
    public boolean isSecure() {
        return false;
    }
}
