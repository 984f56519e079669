package dev.ferry.handshake;

import dev.ferry.transport.Transport;
import java.util.List;
import java.util.Map;

/** What the server container decided about one {@link UpgradeRequest}. */
public sealed interface UpgradeDecision {

    /** No endpoint is mapped at the path, or the request asks for no WebSocket: let it pass untouched. */
    record PassThrough() implements UpgradeDecision {
    }

    /**
     * Refuse the handshake with {@code status} (400, 403, 426 ...), the given extra headers and a
     * short plain-text explanation; do not upgrade.
     */
    record Reject(int status, Map<String, List<String>> headers, String message) implements UpgradeDecision {
    }

    /**
     * Answer {@code 101 Switching Protocols} with {@code headers} (Upgrade, Connection,
     * Sec-WebSocket-Accept, the negotiated subprotocol and extensions, and whatever the
     * configurator added), upgrade, then hand the connection's transport to {@link #session()}.
     */
    record Accept(Map<String, List<String>> headers, PendingSession session) implements UpgradeDecision {
    }

    /** The session that starts once the connection has been upgraded. */
    interface PendingSession {
        /**
         * Opens the WebSocket session on {@code transport}: installs the engine as the transport's
         * listener and calls the endpoint's {@code onOpen}. Called once, after the 101 was sent.
         */
        void start(Transport transport);

        /** The upgrade could not happen after all (e.g. the container refused it); releases what was held. */
        void abandon(Throwable cause);
    }
}
