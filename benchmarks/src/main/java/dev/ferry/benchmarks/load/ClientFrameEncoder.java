package dev.ferry.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Writes frames as a browser does: masked, with a new mask key for every frame. The keys come from
 * a fast generator rather than a secure one: they only have to differ, since no proxy is in the
 * way on loopback, and the load generator's own CPU time must stay small.
 */
final class ClientFrameEncoder {

    static final int OPCODE_TEXT = 1;
    static final int OPCODE_BINARY = 2;
    static final int OPCODE_CLOSE = 8;
    static final int OPCODE_PING = 9;
    static final int OPCODE_PONG = 10;

    private final SplittableRandom random;

    ClientFrameEncoder(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static int frameSize(int payloadLength) {
        return (payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10) + 4 + payloadLength;
    }

    /** Appends one final frame to {@code out}, which must have {@link #frameSize} bytes free. */
    void write(ByteBuffer out, int opcode, byte[] payload, int offset, int length) {
        out.put((byte) (0x80 | opcode));
        if (length <= 125) {
            out.put((byte) (0x80 | length));
        } else if (length <= 0xFFFF) {
            out.put((byte) (0x80 | 126));
            out.put((byte) (length >>> 8)).put((byte) length);
        } else {
            out.put((byte) (0x80 | 127));
            long l = length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.put((byte) (l >>> shift));
            }
        }
        int key = random.nextInt();
        out.put((byte) (key >>> 24)).put((byte) (key >>> 16)).put((byte) (key >>> 8)).put((byte) key);
        int start = out.position();
        out.put(payload, offset, length);
        mask(out, start, length, key);
    }

    /** XOR in place, eight bytes at a time on a big-endian view, then byte by byte. */
    private static void mask(ByteBuffer buf, int from, int length, int key) {
        ByteBuffer view = buf.duplicate().order(ByteOrder.BIG_ENDIAN);
        long longKey = (key & 0xFFFFFFFFL) << 32 | (key & 0xFFFFFFFFL);
        int i = from;
        int end = from + length;
        for (; i <= end - 8; i += 8) {
            view.putLong(i, view.getLong(i) ^ longKey);
        }
        for (int k = 0; i < end; i++, k++) {
            buf.put(i, (byte) (buf.get(i) ^ (key >>> (24 - 8 * (k & 3)))));
        }
    }
}
