package dev.ferry.engine.frame;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An independent oracle for UTF-8 validity built on the JDK decoder, which (since JDK 8) rejects
 * overlongs, surrogates and values above U+10FFFF with REPORT.
 */
final class Utf8Reference {

    /**
     * Continuation bytes at the edges of the ranges Unicode Table 3-7 allows after E0, ED, F0, F4;
     * trying these as completions finds a valid one whenever any exists.
     */
    private static final byte[] CONTINUATIONS = {
        (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF,
    };

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Room for any decoded test string: UTF-8 never yields more chars than bytes. */
    private CharBuffer chars = CharBuffer.allocate(256);

    boolean isValid(byte[] a, int len) {
        if (chars.capacity() < len) {
            chars = CharBuffer.allocate(len);
        }
        // The CoderResult API rather than decode(ByteBuffer): no exception per invalid input.
        ByteBuffer in = ByteBuffer.wrap(a, 0, len);
        decoder.reset();
        chars.clear();
        CoderResult result = decoder.decode(in, chars, true);
        if (result.isError()) {
            return false;
        }
        return !decoder.flush(chars).isError() && !in.hasRemaining();
    }

    /** Whether the first {@code len} bytes are valid or can be completed by up to 3 more bytes. */
    boolean isViablePrefix(byte[] a, int len) {
        if (isValid(a, len)) {
            return true;
        }
        byte[] extended = new byte[len + 3];
        System.arraycopy(a, 0, extended, 0, len);
        for (byte c1 : CONTINUATIONS) {
            extended[len] = c1;
            if (isValid(extended, len + 1)) {
                return true;
            }
            for (byte c2 : CONTINUATIONS) {
                extended[len + 1] = c2;
                if (isValid(extended, len + 2)) {
                    return true;
                }
                for (byte c3 : CONTINUATIONS) {
                    extended[len + 2] = c3;
                    if (isValid(extended, len + 3)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Index of the first byte after which no valid completion exists, or -1. UTF-8 synchronises at
     * code point boundaries, so only the bytes since the last point where the prefix was valid need
     * checking; that keeps the oracle cheap enough for thousands of strings.
     */
    int firstInvalidIndex(byte[] a) {
        int boundary = 0;
        for (int k = 0; k < a.length; k++) {
            byte[] tail = Arrays.copyOfRange(a, boundary, k + 1);
            if (isValid(tail, tail.length)) {
                boundary = k + 1;
            } else if (!isViablePrefix(tail, tail.length)) {
                return k;
            }
        }
        return -1;
    }

    /** For a viable prefix: how many trailing bytes belong to an incomplete sequence (0..3). */
    int pendingBytes(byte[] a, int len) {
        for (int p = 0; p <= 3 && p <= len; p++) {
            if (isValid(a, len - p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a viable prefix: " + Hex.of(a));
    }
}
