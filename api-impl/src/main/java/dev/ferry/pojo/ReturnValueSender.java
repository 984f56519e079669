package dev.ferry.pojo;

import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Sends what an {@code @OnMessage} method returned back to the peer, as the specification says. */
final class ReturnValueSender {

    private ReturnValueSender() {
    }

    static void send(RemoteEndpoint.Basic remote, Object value) throws IOException, EncodeException {
        if (value instanceof String text) {
            remote.sendText(text);
        } else if (value instanceof ByteBuffer binary) {
            remote.sendBinary(binary);
        } else if (value instanceof byte[] bytes) {
            remote.sendBinary(ByteBuffer.wrap(bytes));
        } else {
            // Primitives and encoder-backed types: the session's encoders decide.
            remote.sendObject(value);
        }
    }
}
