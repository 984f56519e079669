package dev.ferry.engine.frame;

import java.nio.ByteBuffer;

/**
 * Receives the frames a {@link FrameParser} decodes, as a stream of events so that payloads are
 * never buffered by the parser: {@code onFrameStart}, zero or more {@code onPayload}, {@code onFrameEnd}.
 */
public interface FrameHandler {

    /**
     * A frame header has been read completely and passed every protocol check.
     *
     * @param rsv the three RSV bits as 0..7 (RSV1 = 4, RSV2 = 2, RSV3 = 1)
     * @param opcode one of the {@link Opcode} constants
     */
    void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength);

    /**
     * Some payload bytes of the current frame, already unmasked, between {@code chunk}'s position
     * and limit. The buffer is a view of the parser's input: it is only valid during this call, and
     * one frame's payload may arrive in any number of chunks.
     */
    void onPayload(ByteBuffer chunk);

    /** The current frame's payload is complete. A zero-length frame gets start and end only. */
    void onFrameEnd();
}
