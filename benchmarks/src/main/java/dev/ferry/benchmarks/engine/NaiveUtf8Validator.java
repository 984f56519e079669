package dev.ferry.benchmarks.engine;

import java.nio.ByteBuffer;

/**
 * The baseline for {@link Utf8ValidationBenchmark}: RFC 3629 validation one byte at a time with
 * branches, as found in many hand-written WebSocket implementations. Rejects overlongs,
 * surrogates and code points above U+10FFFF, like Ferry's validator, but has no ASCII fast path.
 */
final class NaiveUtf8Validator {

    private NaiveUtf8Validator() {
    }

    static boolean isValid(ByteBuffer buf) {
        int i = buf.position();
        int end = buf.limit();
        while (i < end) {
            int b = buf.get(i++) & 0xFF;
            if (b < 0x80) {
                continue;
            }
            int needed;
            int min;
            int codePoint;
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                min = 0x80;
                codePoint = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                needed = 2;
                min = 0x800;
                codePoint = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                needed = 3;
                min = 0x10000;
                codePoint = b & 0x07;
            } else {
                return false;
            }
            if (end - i < needed) {
                return false;
            }
            for (int k = 0; k < needed; k++) {
                int c = buf.get(i++) & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = codePoint << 6 | (c & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
        }
        return true;
    }
}
