package dev.ferry.samples.tcp;

import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * How TCP bytes travel in WebSocket messages, chosen by the subprotocol the client offered (the
 * two that websockify, noVNC's server, speaks): {@code binary} puts them in binary messages as they
 * are, {@code base64} in text messages as Base64, for clients that cannot handle binary ones.
 */
enum Framing {
    BINARY("binary") {
        @Override
        void send(RemoteEndpoint.Basic remote, byte[] bytes, int length) throws IOException {
            // A blocking send from our own thread returns once the bytes are taken, so the
            // buffer can be reused by the next read.
            remote.sendBinary(ByteBuffer.wrap(bytes, 0, length));
        }
    },
    BASE64("base64") {
        @Override
        void send(RemoteEndpoint.Basic remote, byte[] bytes, int length) throws IOException {
            remote.sendText(Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, length)));
        }
    };

    /** The subprotocols in the server's order of preference. */
    static final String[] SUBPROTOCOLS = {"binary", "base64"};

    private final String subprotocol;

    Framing(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    /** Sends {@code bytes[0, length)} read from TCP as one message. */
    abstract void send(RemoteEndpoint.Basic remote, byte[] bytes, int length) throws IOException;

    /** The framing of a negotiated subprotocol; null for none or another one. */
    static Framing of(String subprotocol) {
        for (Framing f : values()) {
            if (f.subprotocol.equals(subprotocol)) {
                return f;
            }
        }
        return null;
    }

    String subprotocol() {
        return subprotocol;
    }
}
