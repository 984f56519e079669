package dev.ferry.engine.frame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * RFC 6455 section 5.3 masking: XOR with a 4-byte key. The same call masks and unmasks.
 *
 * <p>The bulk of the work is done 8 bytes at a time with one XOR per long. Absolute
 * {@code getLong/putLong} on a big-endian view read bytes in wire order, so the long mask is
 * simply the (rotated) key repeated twice. Works on heap and direct buffers alike.
 */
public final class Masker {

    private Masker() {
    }

    /**
     * XORs bytes {@code [from, from + length)} of {@code buf} (absolute indices; position, limit and
     * byte order untouched) with {@code maskKey}, whose big-endian bytes are the 4 mask octets,
     * starting with octet {@code maskOffset} (0..3) of the key.
     */
    public static void mask(ByteBuffer buf, int from, int length, int maskKey, int maskOffset) {
        if (length < 0 || from < 0 || from > buf.limit() - length) {
            throw new IndexOutOfBoundsException(
                    "from=" + from + " length=" + length + " limit=" + buf.limit());
        }
        if ((maskOffset & ~3) != 0) {
            throw new IllegalArgumentException("maskOffset must be 0..3, was " + maskOffset);
        }
        if (length == 0) {
            return;
        }
        // Rotate so that the first byte we touch is XORed with key octet maskOffset.
        int key = Integer.rotateLeft(maskKey, 8 * maskOffset);
        int i = from;
        int end = from + length;
        if (length >= Long.BYTES) {
            // A duplicate gives us our own byte order without disturbing the caller's buffer.
            ByteBuffer view = buf.duplicate().order(ByteOrder.BIG_ENDIAN);
            long longKey = ((key & 0xFFFFFFFFL) << 32) | (key & 0xFFFFFFFFL);
            int wordEnd = end - Long.BYTES;
            for (; i <= wordEnd; i += Long.BYTES) {
                view.putLong(i, view.getLong(i) ^ longKey);
            }
            // 8 is a multiple of 4, so the key phase for the tail is unchanged.
        }
        for (int shift = 24; i < end; i++, shift = (shift - 8) & 31) {
            buf.put(i, (byte) (buf.get(i) ^ (key >>> shift)));
        }
    }

    /** The mask octet to continue with after masking {@code length} more bytes. */
    public static int nextOffset(int maskOffset, long length) {
        return (int) ((maskOffset + length) & 3);
    }
}
