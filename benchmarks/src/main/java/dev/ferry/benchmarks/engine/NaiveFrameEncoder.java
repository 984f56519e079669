package dev.ferry.benchmarks.engine;

import java.nio.ByteBuffer;

/**
 * The baseline for {@link FrameWriteBenchmark}: a final binary frame written the textbook way,
 * copying and masking the payload one byte at a time.
 */
final class NaiveFrameEncoder {

    private NaiveFrameEncoder() {
    }

    static void writeMasked(ByteBuffer dst, byte[] payload, int maskKey) {
        dst.put((byte) 0x82); // FIN + BINARY
        int length = payload.length;
        if (length <= 125) {
            dst.put((byte) (0x80 | length));
        } else if (length <= 0xFFFF) {
            dst.put((byte) (0x80 | 126));
            dst.putShort((short) length);
        } else {
            dst.put((byte) (0x80 | 127));
            dst.putLong(length);
        }
        byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        dst.put(key);
        for (int i = 0; i < length; i++) {
            dst.put((byte) (payload[i] ^ key[i & 3]));
        }
    }
}
