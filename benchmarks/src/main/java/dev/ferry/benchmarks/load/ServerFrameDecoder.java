package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Decodes the unmasked frames a server sends, resumably: input may end anywhere. Payload is
 * passed on in slices of the input, never buffered, so one shared read buffer serves all
 * connections. Written for the load generator alone, independent of Ferry's parser, so that a
 * bug in Ferry's parser cannot hide itself.
 */
final class ServerFrameDecoder {

    /** Receives what the decoder reads. */
    interface Sink {
        void onFrameStart(boolean fin, int opcode, long length) throws IOException;

        void onPayload(ByteBuffer chunk) throws IOException;

        void onFrameEnd() throws IOException;
    }

    private enum State { FIRST, SECOND, LENGTH, PAYLOAD }

    private final Sink sink;
    private State state = State.FIRST;
    private boolean fin;
    private int opcode;
    private long length;
    private int lengthBytesLeft;
    private long payloadLeft;

    ServerFrameDecoder(Sink sink) {
        this.sink = sink;
    }

    void decode(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            switch (state) {
                case FIRST -> {
                    int b = in.get() & 0xFF;
                    if ((b & 0x70) != 0) {
                        throw new IOException("Server frame with RSV bits set; no extension was negotiated");
                    }
                    fin = (b & 0x80) != 0;
                    opcode = b & 0x0F;
                    state = State.SECOND;
                }
                case SECOND -> {
                    int b = in.get() & 0xFF;
                    if ((b & 0x80) != 0) {
                        throw new IOException("Masked frame from the server");
                    }
                    int code = b & 0x7F;
                    length = 0;
                    if (code >= 126) {
                        lengthBytesLeft = code == 126 ? 2 : 8;
                        state = State.LENGTH;
                    } else {
                        length = code;
                        startPayload();
                    }
                }
                case LENGTH -> {
                    length = length << 8 | (in.get() & 0xFF);
                    if (--lengthBytesLeft == 0) {
                        startPayload();
                    }
                }
                case PAYLOAD -> {
                    int count = (int) Math.min(payloadLeft, in.remaining());
                    int start = in.position();
                    in.position(start + count);
                    payloadLeft -= count;
                    sink.onPayload(in.slice(start, count));
                    if (payloadLeft == 0) {
                        endFrame();
                    }
                }
            }
        }
    }

    private void startPayload() throws IOException {
        sink.onFrameStart(fin, opcode, length);
        if (length == 0) {
            endFrame();
        } else {
            payloadLeft = length;
            state = State.PAYLOAD;
        }
    }

    private void endFrame() throws IOException {
        state = State.FIRST;
        sink.onFrameEnd();
    }
}
