package dev.ferry.engine.frame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records the frames a parser reports, and fails the test on any breach of the
 * {@link FrameHandler} event contract (payload outside a frame, more bytes than announced...).
 */
class RecordingHandler implements FrameHandler {

    /** One complete frame as reported; payload is the concatenation of all its chunks. */
    record Frame(boolean fin, int rsv, int opcode, long length, byte[] payload) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && fin == f.fin && rsv == f.rsv && opcode == f.opcode
                    && length == f.length && Arrays.equals(payload, f.payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload) * 31 + opcode;
        }

        @Override
        public String toString() {
            return "Frame[fin=" + fin + ", rsv=" + rsv + ", opcode=" + opcode + ", length=" + length
                    + ", payload=" + (payload.length <= 32 ? Hex.of(payload) : payload.length + " bytes") + "]";
        }
    }

    final List<Frame> frames = new ArrayList<>();
    int chunkCount;
    private boolean inFrame;
    private boolean fin;
    private int rsv;
    private int opcode;
    private long length;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
        check(!inFrame, "onFrameStart inside a frame");
        inFrame = true;
        this.fin = fin;
        this.rsv = rsv;
        this.opcode = opcode;
        this.length = payloadLength;
        payload.reset();
    }

    @Override
    public void onPayload(ByteBuffer chunk) {
        check(inFrame, "onPayload outside a frame");
        check(chunk.hasRemaining(), "empty chunk");
        chunkCount++;
        payload.writeBytes(Hex.remaining(chunk));
        check(payload.size() <= length, "more payload than announced");
    }

    @Override
    public void onFrameEnd() {
        check(inFrame, "onFrameEnd outside a frame");
        check(payload.size() == length, "frame ended after " + payload.size() + " of " + length + " bytes");
        inFrame = false;
        frames.add(new Frame(fin, rsv, opcode, length, payload.toByteArray()));
    }

    boolean inFrame() {
        return inFrame;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
