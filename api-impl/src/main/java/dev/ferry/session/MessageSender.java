package dev.ferry.session;

import dev.ferry.frame.Opcode;
import dev.ferry.message.EncoderSet;
import jakarta.websocket.EncodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Sends application messages on one connection: whole or in parts, text, binary or encoded
 * objects. Keeps the one rule that spans calls: while a message is being sent in parts, no other
 * data message may start.
 */
final class MessageSender {

    private final WebSocketConnection connection;
    private final EncoderSet encoders;

    /** Opcode of the message being sent in parts (TEXT or BINARY), 0 when none. */
    private int partialOpcode;

    MessageSender(WebSocketConnection connection, EncoderSet encoders) {
        this.connection = connection;
        this.encoders = encoders;
    }

    void sendText(String text, SendCallback callback) {
        ByteBuffer payload = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        sendWhole(Opcode.TEXT, payload, callback);
    }

    void sendBinary(ByteBuffer data, SendCallback callback) {
        sendWhole(Opcode.BINARY, protect(data), callback);
    }

    void sendTextPart(String part, boolean last, SendCallback callback) {
        sendPart(Opcode.TEXT, ByteBuffer.wrap(part.getBytes(StandardCharsets.UTF_8)), last, callback);
    }

    void sendBinaryPart(ByteBuffer part, boolean last, SendCallback callback) {
        sendPart(Opcode.BINARY, protect(part), last, callback);
    }

    void sendObject(Object data, SendCallback callback) throws EncodeException, IOException {
        EncoderSet.Encoded encoded = encoders.encode(data);
        if (encoded.text() != null) {
            sendText(encoded.text(), callback);
        } else {
            sendWhole(Opcode.BINARY, encoded.binary(), callback);
        }
    }

    void sendPing(ByteBuffer data, SendCallback callback) {
        connection.sendControl(Opcode.PING, protect(data), callback);
    }

    void sendPong(ByteBuffer data, SendCallback callback) {
        connection.sendControl(Opcode.PONG, protect(data), callback);
    }

    private void sendWhole(int opcode, ByteBuffer payload, SendCallback callback) {
        synchronized (this) {
            if (partialOpcode != 0) {
                throw new IllegalStateException("A message is being sent in parts; finish it (last = true) "
                        + "before sending another message");
            }
        }
        connection.sendData(opcode, true, payload, callback);
    }

    private void sendPart(int opcode, ByteBuffer payload, boolean last, SendCallback callback) {
        int frameOpcode;
        synchronized (this) {
            if (partialOpcode != 0 && partialOpcode != opcode) {
                throw new IllegalStateException("A " + (partialOpcode == Opcode.TEXT ? "text" : "binary")
                        + " message is being sent in parts; a " + (opcode == Opcode.TEXT ? "text" : "binary")
                        + " part cannot continue it");
            }
            frameOpcode = partialOpcode == 0 ? opcode : Opcode.CONTINUATION;
            partialOpcode = last ? 0 : opcode;
        }
        connection.sendData(frameOpcode, last, payload, callback);
    }

    /**
     * The application may reuse its buffer as soon as a blocking send returns. A send that returns
     * before its bytes are written (one made on the delivering thread) therefore sends a copy.
     */
    private ByteBuffer protect(ByteBuffer data) {
        if (!connection.isDeliveringThread()) {
            return data;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy;
    }
}
