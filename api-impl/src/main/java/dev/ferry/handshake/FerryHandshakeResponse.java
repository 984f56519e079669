package dev.ferry.handshake;

import jakarta.websocket.HandshakeResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers of the 101 answer while a configurator may still change them. Unlike the request,
 * the map is live on purpose: {@code modifyHandshake} adds or replaces headers by writing to it,
 * and the container sends whatever it holds afterwards.
 */
public final class FerryHandshakeResponse implements HandshakeResponse {

    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public FerryHandshakeResponse() {
    }

    /** Starts with copies of {@code initialHeaders} (e.g. the accept key and negotiated subprotocol). */
    public FerryHandshakeResponse(Map<String, List<String>> initialHeaders) {
        initialHeaders.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    }

    /** The live, modifiable header map; names compare case-insensitively. */
    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }
}
