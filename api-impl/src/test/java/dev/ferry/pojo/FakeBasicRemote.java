package dev.ferry.pojo;

import dev.ferry.message.EncoderSet;
import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Captures what an endpoint sends; sendObject goes through a real EncoderSet. */
final class FakeBasicRemote implements RemoteEndpoint.Basic {

    final List<String> texts = new ArrayList<>();
    final List<byte[]> binaries = new ArrayList<>();
    private final EncoderSet encoders;

    FakeBasicRemote(EncoderSet encoders) {
        this.encoders = encoders;
    }

    @Override
    public void sendText(String text) {
        texts.add(text);
    }

    @Override
    public void sendBinary(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binaries.add(bytes);
    }

    @Override
    public void sendObject(Object data) throws IOException, EncodeException {
        EncoderSet.Encoded encoded = encoders.encode(data);
        if (encoded.isText()) {
            sendText(encoded.text());
        } else {
            sendBinary(encoded.binary());
        }
    }

    @Override
    public void sendText(String partialMessage, boolean isLast) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void sendBinary(ByteBuffer partialByte, boolean isLast) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OutputStream getSendStream() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Writer getSendWriter() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setBatchingAllowed(boolean allowed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getBatchingAllowed() {
        return false;
    }

    @Override
    public void flushBatch() {
    }

    @Override
    public void sendPing(ByteBuffer applicationData) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void sendPong(ByteBuffer applicationData) {
        throw new UnsupportedOperationException();
    }
}
