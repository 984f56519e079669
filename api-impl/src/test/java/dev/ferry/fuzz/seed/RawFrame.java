package dev.ferry.fuzz.seed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 6455 frames written byte by byte for seeds, with no help from the engine under test, so
 * that a seed may also break every rule: any opcode, RSV bits, a length field that says what it
 * likes.
 */
final class RawFrame {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** The masking key of RFC 6455's own masked examples (section 5.7). */
    static final int RFC_MASK = 0x37FA213D;

    private RawFrame() {
    }

    /** An unmasked frame, as a server sends, with the shortest length encoding. */
    static byte[] unmasked(boolean fin, int rsv, int opcode, byte[] payload) {
        return frame(fin, rsv, opcode, payload, false, 0);
    }

    /** A masked frame, as a client sends, with the shortest length encoding. */
    static byte[] masked(boolean fin, int rsv, int opcode, byte[] payload, int maskKey) {
        return frame(fin, rsv, opcode, payload, true, maskKey);
    }

    static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean mask, int maskKey) {
        int lengthCode = payload.length <= 125 ? payload.length : payload.length <= 0xFFFF ? 126 : 127;
        return withLengthCode(fin, rsv, opcode, lengthCode, payload.length, payload, mask, maskKey);
    }

    /**
     * A frame whose length field is {@code lengthCode} (0-125, or 126/127 followed by
     * {@code extendedLength} in 2 or 8 bytes) whatever the payload's real size, e.g. a length that
     * is not the shortest, or one with the most significant bit set.
     */
    static byte[] withLengthCode(boolean fin, int rsv, int opcode, int lengthCode, long extendedLength,
            byte[] payload, boolean mask, int maskKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | (opcode & 0xF));
        out.write((mask ? 0x80 : 0) | lengthCode);
        int extendedBytes = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
        for (int shift = 8 * (extendedBytes - 1); shift >= 0; shift -= 8) {
            out.write((int) (extendedLength >>> shift));
        }
        byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        if (mask) {
            out.writeBytes(key);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(mask ? payload[i] ^ key[i & 3] : payload[i]);
        }
        return out.toByteArray();
    }

    /** A close frame's payload: the code in two bytes, then the reason's bytes. */
    static byte[] closePayload(int code, byte[] reason) {
        byte[] payload = new byte[2 + reason.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(reason, 0, payload, 2, reason.length);
        return payload;
    }

    static byte[] closePayload(int code, String reason) {
        return closePayload(code, utf8(reason));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code length} bytes counting up from 0, wrapping at 256: recognisable in a hex dump. */
    static byte[] counting(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
