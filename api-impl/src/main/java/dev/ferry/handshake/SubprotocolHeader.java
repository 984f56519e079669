package dev.ferry.handshake;

import java.util.List;
import java.util.Map;

/** Reads the client's {@code Sec-WebSocket-Protocol} offer. */
public final class SubprotocolHeader {

    static final String HEADER = "Sec-WebSocket-Protocol";

    private SubprotocolHeader() {
    }

    /**
     * The subprotocols the client asked for, in its order of preference (the order matters: the
     * default configurator picks the first one the server supports); empty for none.
     */
    public static List<String> requested(Map<String, List<String>> headers) {
        return List.copyOf(HeaderTokens.split(HeaderLookup.values(headers, HEADER)));
    }
}
