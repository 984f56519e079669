package dev.ferry.fuzz.seed;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes the bytes from which Jazzer's {@link FuzzedDataProvider} reads back the given values, in
 * the order a fuzz test asks for them, so that a seed file means exactly the input it is named
 * after. Jazzer takes numbers and booleans from the end of the input (the first one from the very
 * end, its most significant byte last) and byte arrays and strings from the front. Every value is
 * also recorded as a {@link Call}, so that {@link #replay} can check the bytes against Jazzer's own
 * provider.
 */
final class FuzzInput {

    /** One value a fuzz test takes from the provider, and how. */
    interface Call {
        /** Takes the value from {@code data} the way the fuzz test does; fails if it is not the recorded one. */
        void check(FuzzedDataProvider data);
    }

    private final ByteArrayOutputStream front = new ByteArrayOutputStream();
    /** The numbers' bytes, in the order they are read: each list element is read from the end inwards. */
    private final List<byte[]> back = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private boolean frontClosed;

    /** {@code consumeBoolean()}. */
    FuzzInput bool(boolean value) {
        back.add(new byte[] {(byte) (value ? 1 : 0)});
        calls.add(data -> expect(value, data.consumeBoolean(), "consumeBoolean()"));
        return this;
    }

    /** {@code consumeInt(min, max)}. */
    FuzzInput intIn(int min, int max, int value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is not in [" + min + ", " + max + "]");
        }
        long range = ((long) max - min) & 0xFFFF_FFFFL;
        back.add(integral(((long) value - min) & 0xFFFF_FFFFL, range, 4));
        calls.add(data -> expect(value, data.consumeInt(min, max), "consumeInt(" + min + ", " + max + ")"));
        return this;
    }

    /** {@code consumeInt()}: four bytes, no range. */
    FuzzInput anyInt(int value) {
        back.add(integral(value & 0xFFFF_FFFFL, 0xFFFF_FFFFL, 4));
        calls.add(data -> expect(value, data.consumeInt(), "consumeInt()"));
        return this;
    }

    /** {@code consumeLong(min, max)}, for ranges within 0 and 2^63 - 1. */
    FuzzInput longIn(long min, long max, long value) {
        if (min < 0 || value < min || value > max) {
            throw new IllegalArgumentException(value + " is not in [" + min + ", " + max + "]");
        }
        back.add(integral(value - min, max - min, 8));
        calls.add(data -> expect(value, data.consumeLong(min, max), "consumeLong(" + min + ", " + max + ")"));
        return this;
    }

    /** {@code consumeBytes(value.length)}: the bytes as they are, from the front. */
    FuzzInput bytes(byte[] value) {
        writeFront(value);
        byte[] copy = value.clone();
        calls.add(data -> expect(copy, data.consumeBytes(copy.length), "consumeBytes(" + copy.length + ")"));
        return this;
    }

    /**
     * {@code consumeString(maxLength)}. Jazzer ends a string early at a single backslash (taking
     * the byte after it too) and reads a doubled one as one, so backslashes are doubled and a
     * shorter string ends with {@code \x}. Only characters of the Basic Multilingual Plane other than
     * U+0000 and surrogates pass through Jazzer's repair of the bytes unchanged.
     */
    FuzzInput string(int maxLength, String value) {
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("longer than " + maxLength + ": " + value);
        }
        for (char c : value.toCharArray()) {
            if (c == 0 || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("Jazzer would change U+" + Integer.toHexString(c) + " in " + value);
            }
        }
        writeFront(value.replace("\\", "\\\\").getBytes(StandardCharsets.UTF_8));
        if (value.length() < maxLength) {
            writeFront(new byte[] {'\\', 'x'});
        }
        calls.add(data -> expect(value, data.consumeString(maxLength), "consumeString(" + maxLength + ")"));
        return this;
    }

    /** {@code consumeRemainingAsBytes()}: everything the numbers do not take; nothing may follow at the front. */
    FuzzInput remaining(byte[] value) {
        writeFront(value);
        frontClosed = true;
        byte[] copy = value.clone();
        calls.add(data -> expect(copy, data.consumeRemainingAsBytes(), "consumeRemainingAsBytes()"));
        return this;
    }

    /** The seed: the front, then the numbers' bytes, the first-read one last. */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(front.toByteArray());
        for (int i = back.size() - 1; i >= 0; i--) {
            out.writeBytes(back.get(i));
        }
        return out.toByteArray();
    }

    /** Takes every recorded value from {@code data} in order; fails at the first that differs. */
    void replay(FuzzedDataProvider data) {
        for (Call call : calls) {
            call.check(data);
        }
    }

    int calls() {
        return calls.size();
    }

    private void writeFront(byte[] bytes) {
        if (frontClosed) {
            throw new IllegalStateException("consumeRemainingAsBytes() already took the rest of the front");
        }
        front.writeBytes(bytes);
    }

    /**
     * Jazzer reads one byte for each 8 bits of the range, at most {@code size} bytes, the first one
     * read (the last in the file) being the most significant; a range of 0 reads nothing.
     */
    private static byte[] integral(long offset, long range, int size) {
        int count = 0;
        while (count < size && (range >>> (8 * count)) != 0) {
            count++;
        }
        byte[] inFileOrder = new byte[count];
        for (int i = 0; i < count; i++) {
            inFileOrder[i] = (byte) (offset >>> (8 * i)); // least significant first in the file
        }
        if (count < 8 && (offset >>> (8 * count)) != 0) {
            throw new IllegalArgumentException(offset + " does not fit in " + count + " bytes");
        }
        return inFileOrder;
    }

    private static void expect(Object expected, Object actual, String call) {
        boolean same = expected instanceof byte[] e && actual instanceof byte[] a ? Arrays.equals(e, a) : Objects.equals(expected, actual);
        if (!same) {
            throw new AssertionError(call + " gave " + describe(actual) + ", the seed meant " + describe(expected));
        }
    }

    private static String describe(Object value) {
        return value instanceof byte[] b ? b.length + " bytes " + Arrays.toString(Arrays.copyOf(b, Math.min(b.length, 16))) : String.valueOf(value);
    }
}
