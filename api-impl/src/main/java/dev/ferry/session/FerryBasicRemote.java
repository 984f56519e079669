package dev.ferry.session;

import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;

/** Blocking sends: each returns once its bytes reached the transport, or fails at the send timeout. */
final class FerryBasicRemote extends FerryRemote implements RemoteEndpoint.Basic {

    FerryBasicRemote(FerrySession session, MessageSender sender) {
        super(session, sender);
    }

    @Override
    public void sendText(String text) throws IOException {
        requireArgument(text, "text");
        sendAndWait(cb -> sender.sendText(text, cb));
    }

    @Override
    public void sendBinary(ByteBuffer data) throws IOException {
        requireArgument(data, "data");
        sendAndWait(cb -> sender.sendBinary(data, cb), applicationBytes(data));
    }

    @Override
    public void sendText(String partialMessage, boolean isLast) throws IOException {
        requireArgument(partialMessage, "partialMessage");
        sendAndWait(cb -> sender.sendTextPart(partialMessage, isLast, cb));
    }

    @Override
    public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
        requireArgument(partialByte, "partialByte");
        sendAndWait(cb -> sender.sendBinaryPart(partialByte, isLast, cb), applicationBytes(partialByte));
    }

    @Override
    public OutputStream getSendStream() {
        return new MessageOutputStream(this);
    }

    @Override
    public Writer getSendWriter() {
        return new MessageWriter(this);
    }

    @Override
    public void sendObject(Object data) throws IOException, EncodeException {
        requireArgument(data, "data");
        EncodeException[] encodeFailure = new EncodeException[1];
        sendAndWait(cb -> {
            try {
                sender.sendObject(data, cb);
            } catch (EncodeException e) {
                encodeFailure[0] = e;
                cb.done(null);
            }
        });
        if (encodeFailure[0] != null) {
            throw encodeFailure[0];
        }
    }

    /** What {@link #sendAndWait(SendAction, int)} takes for a buffer of the application's: its size, and 1 for an empty one. */
    private static int applicationBytes(ByteBuffer data) {
        return Math.max(1, data.remaining());
    }
}
