package dev.ferry.session;

import dev.ferry.engine.SendCallback;
import dev.ferry.engine.WebSocketConnection;
import dev.ferry.engine.deflate.MessageDeflater;
import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.message.EncoderSet;
import jakarta.websocket.EncodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends application messages on one connection: whole or in parts, text, binary or encoded
 * objects, compressed when permessage-deflate was agreed. Keeps the one rule that spans calls:
 * while a message is being sent in parts, no other data message may start.
 */
final class MessageSender {

    private final WebSocketConnection connection;
    private final EncoderSet encoders;
    private final MessageDeflater deflater;

    /** Opcode of the message being sent in parts (TEXT or BINARY), 0 when none. */
    private int partialOpcode;
    /** Broadcast messages that came while a message was being sent in parts: they follow its last part. */
    private List<Runnable> afterPartial;

    MessageSender(WebSocketConnection connection, EncoderSet encoders) {
        this.connection = connection;
        this.encoders = encoders;
        PerMessageDeflate deflate = connection.deflate();
        this.deflater = deflate == null ? null : deflate.deflater();
    }

    void sendText(String text, SendCallback callback) {
        sendWhole(Opcode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), false, callback);
    }

    void sendBinary(ByteBuffer data, SendCallback callback) {
        sendWhole(Opcode.BINARY, data, true, callback);
    }

    void sendTextPart(String part, boolean last, SendCallback callback) {
        sendPart(Opcode.TEXT, ByteBuffer.wrap(part.getBytes(StandardCharsets.UTF_8)), false, last, callback);
    }

    void sendBinaryPart(ByteBuffer part, boolean last, SendCallback callback) {
        sendPart(Opcode.BINARY, part, true, last, callback);
    }

    void sendObject(Object data, SendCallback callback) throws EncodeException, IOException {
        EncoderSet.Encoded encoded = encoders.encode(data);
        if (encoded.text() != null) {
            sendText(encoded.text(), callback);
        } else {
            sendWhole(Opcode.BINARY, encoded.binary(), false, callback);
        }
    }

    /**
     * Queues a message encoded once for many sessions (see {@link SharedMessage}); while a message
     * is being sent in parts it waits for the last part, since no other message may come between.
     *
     * @return false when refused for the outbound limit ({@code callback} not called)
     */
    boolean sendShared(SharedMessage message, SendCallback callback, boolean defer) {
        synchronized (this) {
            if (partialOpcode == 0) {
                return message.frameFor(deflater).queueOn(connection, callback, defer);
            }
            if (afterPartial == null) {
                afterPartial = new ArrayList<>();
            }
            afterPartial.add(() -> {
                if (!message.frameFor(deflater).queueOn(connection, callback, false)) {
                    callback.done(new IOException("The peer is not reading: the outbound limit is reached"));
                }
            });
            return true;
        }
    }

    void sendPing(ByteBuffer data, SendCallback callback) {
        ByteBuffer sent = protect(data, callback);
        connection.sendControl(Opcode.PING, sent, connection.trackLent(sent, callback));
    }

    void sendPong(ByteBuffer data, SendCallback callback) {
        ByteBuffer sent = protect(data, callback);
        connection.sendControl(Opcode.PONG, sent, connection.trackLent(sent, callback));
    }

    /** @param applicationBuffer the payload is the application's, which it may reuse once we return */
    private void sendWhole(int opcode, ByteBuffer payload, boolean applicationBuffer, SendCallback callback) {
        if (deflater == null || !payload.hasRemaining()) {
            synchronized (this) {
                requireNoPartial();
            }
            ByteBuffer sent = applicationBuffer ? protect(payload, callback) : payload;
            connection.sendData(opcode, true, sent, connection.trackLent(sent, callback));
            return;
        }
        // Compressing and queueing happen under one lock: with context takeover, messages must
        // reach the wire in the order their compressor saw them.
        synchronized (this) {
            requireNoPartial();
            connection.sendData(opcode, true, PerMessageDeflate.RSV, deflater.deflate(payload, true), callback);
        }
    }

    private void requireNoPartial() {
        if (partialOpcode != 0) {
            throw new IllegalStateException("A message is being sent in parts; finish it (last = true) "
                    + "before sending another message");
        }
    }

    private synchronized void sendPart(int opcode, ByteBuffer payload, boolean applicationBuffer, boolean last,
            SendCallback callback) {
        if (partialOpcode != 0 && partialOpcode != opcode) {
            throw new IllegalStateException("A " + (partialOpcode == Opcode.TEXT ? "text" : "binary")
                    + " message is being sent in parts; a " + (opcode == Opcode.TEXT ? "text" : "binary")
                    + " part cannot continue it");
        }
        boolean first = partialOpcode == 0;
        int frameOpcode = first ? opcode : Opcode.CONTINUATION;
        partialOpcode = last ? 0 : opcode;
        if (deflater == null) {
            ByteBuffer sent = applicationBuffer ? protect(payload, callback) : payload;
            connection.sendData(frameOpcode, last, sent, connection.trackLent(sent, callback));
        } else {
            int rsv = first ? PerMessageDeflate.RSV : 0;
            connection.sendData(frameOpcode, last, rsv, deflater.deflate(payload, last), callback);
        }
        if (last && afterPartial != null) {
            List<Runnable> waiting = afterPartial;
            afterPartial = null;
            waiting.forEach(Runnable::run);
        }
    }

    /**
     * The application may reuse its buffer as soon as a blocking send returns, or a {@code Future}
     * says done. A send whose caller returns before its bytes are written (the delivering thread,
     * where it does not wait) therefore sends a copy.
     */
    private ByteBuffer protect(ByteBuffer data, SendCallback callback) {
        if (callback.callerWaits() || !connection.isDeliveringThread()) {
            return data;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy;
    }
}
