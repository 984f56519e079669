package dev.ferry.samples.tcp;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.RejectedExecutionException;

/**
 * Relays between WebSocket clients and the bridge's TCP service, like websockify. The client must
 * offer the subprotocol {@code binary} or {@code base64} (see {@link Framing}); it cannot choose
 * where to connect.
 */
public final class TcpBridgeEndpoint extends Endpoint {

    private final TcpBridge bridge;
    private TcpLink link;

    TcpBridgeEndpoint(TcpBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Framing framing = Framing.of(session.getNegotiatedSubprotocol());
        if (framing == null) {
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, "Offer the subprotocol binary or base64");
            return;
        }
        TcpLink newLink = new TcpLink(session, framing, bridge.target(), bridge.connectTimeoutMillis());
        try {
            bridge.execute(newLink);
        } catch (RejectedExecutionException e) {
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "All " + bridge.maxConnections() + " bridge connections are in use");
            return;
        }
        link = newLink;
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> {
            if (framing != Framing.BINARY) {
                wrongKind(session, "text (Base64)");
                return;
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            newLink.toTcp(bytes);
        });
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            if (framing != Framing.BASE64) {
                wrongKind(session, "binary");
                return;
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                close(session, CloseReason.CloseCodes.NOT_CONSISTENT, "Not Base64: " + e.getMessage());
                return;
            }
            newLink.toTcp(bytes);
        });
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (link != null) {
            link.close();
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        if (link != null) {
            link.close();
        }
    }

    private static void wrongKind(Session session, String expected) {
        close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "This subprotocol carries " + expected + " messages only");
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, TcpLink.fit(reason)));
        } catch (IOException | IllegalStateException e) {
            // It closed meanwhile.
        }
    }
}
