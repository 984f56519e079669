package dev.ferry.engine.frame;

import java.nio.ByteBuffer;

/**
 * Encodes RFC 6455 section 5.2 frame headers, always with the minimal length encoding.
 *
 * <p>This is an encoder, not a policy: it checks only that the arguments can be encoded, so it will
 * write e.g. a fragmented or oversized control frame if asked (useful for testing a peer).
 * Protocol rules for what to send belong to the caller.
 */
public final class FrameWriter {

    private FrameWriter() {
    }

    /** Header bytes for a payload of this length: 2, 4 or 10, plus 4 for a mask key. */
    public static int headerSize(long payloadLength, boolean masked) {
        checkLength(payloadLength);
        int size = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return masked ? size + 4 : size;
    }

    /**
     * Writes a header at {@code dst}'s position (relative puts, network byte order whatever
     * {@code dst.order()} is). {@code maskKey} is written big-endian and only when {@code masked};
     * the payload itself is not touched.
     */
    public static void writeHeader(ByteBuffer dst, boolean fin, int rsv, int opcode,
            long payloadLength, boolean masked, int maskKey) {
        if ((rsv & ~7) != 0) {
            throw new IllegalArgumentException("rsv must be 0..7, was " + rsv);
        }
        if ((opcode & ~0xF) != 0) {
            throw new IllegalArgumentException("opcode must be 0..15, was " + opcode);
        }
        checkLength(payloadLength);
        dst.put((byte) ((fin ? 0x80 : 0) | rsv << 4 | opcode));
        int maskBit = masked ? 0x80 : 0;
        if (payloadLength <= 125) {
            dst.put((byte) (maskBit | (int) payloadLength));
        } else if (payloadLength <= 0xFFFF) {
            dst.put((byte) (maskBit | 126));
            putBigEndian(dst, payloadLength, 2);
        } else {
            dst.put((byte) (maskBit | 127));
            putBigEndian(dst, payloadLength, 8);
        }
        if (masked) {
            putBigEndian(dst, maskKey, 4);
        }
    }

    /** Byte by byte, so the result is network order whatever {@code dst.order()} is. */
    private static void putBigEndian(ByteBuffer dst, long value, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            dst.put((byte) (value >>> shift));
        }
    }

    /**
     * A whole frame in a new heap buffer, flipped for reading: header plus the bytes between
     * {@code payload}'s position and limit (masked if asked). {@code payload} is left unchanged;
     * {@code null} means empty.
     */
    public static ByteBuffer encode(boolean fin, int rsv, int opcode, ByteBuffer payload,
            boolean masked, int maskKey) {
        int length = payload == null ? 0 : payload.remaining();
        ByteBuffer frame = ByteBuffer.allocate(headerSize(length, masked) + length);
        writeHeader(frame, fin, rsv, opcode, length, masked, maskKey);
        int payloadStart = frame.position();
        if (length > 0) {
            frame.put(payload.duplicate());
        }
        if (masked) {
            Masker.mask(frame, payloadStart, length, maskKey, 0);
        }
        return frame.flip();
    }

    private static void checkLength(long payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must be >= 0, was " + payloadLength);
        }
    }
}
