package dev.ferry.engine.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Strict, incremental UTF-8 validation (RFC 3629) for TEXT messages and close reasons, as RFC 6455
 * section 8.1 requires: a message may be split anywhere and invalid data fails at the first byte
 * that makes it impossible, not at the end of the sequence or message.
 *
 * <p>A deterministic automaton in the style of Bjoern Hoehrmann's decoder: each byte maps to one of
 * 12 classes and {@code (state, class)} to the next state. The states that follow E0, ED, F0 and F4
 * restrict the second byte, which is how overlongs, surrogates (U+D800-DFFF) and code points above
 * U+10FFFF are rejected without decoding. Runs of ASCII are skipped 8 bytes at a time.
 *
 * <p>Not thread-safe; one instance per message stream.
 */
public final class Utf8Validator {

    // Byte classes.
    private static final int ASCII = 0;
    private static final int CONT_80_8F = 1;
    private static final int CONT_90_9F = 2;
    private static final int CONT_A0_BF = 3;
    /** C0, C1 (only overlong 2-byte forms) and F5-FF (beyond U+10FFFF, or 5/6-byte forms). */
    private static final int NEVER_VALID = 4;
    private static final int LEAD2 = 5;
    private static final int LEAD_E0 = 6;
    private static final int LEAD3 = 7;
    private static final int LEAD_ED = 8;
    private static final int LEAD_F0 = 9;
    private static final int LEAD4 = 10;
    private static final int LEAD_F4 = 11;
    private static final int CLASS_COUNT = 12;

    // States, premultiplied by CLASS_COUNT so a transition is one lookup of state + class.
    private static final int ACCEPT = 0;
    private static final int REJECT = CLASS_COUNT;
    private static final int NEED1 = 2 * CLASS_COUNT;
    private static final int NEED2 = 3 * CLASS_COUNT;
    private static final int NEED3 = 4 * CLASS_COUNT;
    /** After E0: A0-BF only, else the code point would fit in 2 bytes (overlong). */
    private static final int AFTER_E0 = 5 * CLASS_COUNT;
    /** After ED: 80-9F only, else it would be a surrogate. */
    private static final int AFTER_ED = 6 * CLASS_COUNT;
    /** After F0: 90-BF only, else overlong. */
    private static final int AFTER_F0 = 7 * CLASS_COUNT;
    /** After F4: 80-8F only, else above U+10FFFF. */
    private static final int AFTER_F4 = 8 * CLASS_COUNT;
    private static final int STATE_COUNT = 9;

    private static final byte[] BYTE_CLASS = buildByteClasses();
    private static final byte[] TRANSITIONS = buildTransitions();

    private static final long HIGH_BITS = 0x8080808080808080L;

    private int state = ACCEPT;
    /** Bytes seen of the current incomplete sequence, 0..3. */
    private int pending;
    /** Length the current incomplete sequence's lead byte announced. */
    private int sequenceLength;
    /** Bytes validated since the last reset, for error messages. */
    private long messageOffset;

    /**
     * Validates the bytes between {@code buf}'s position and limit, continuing any sequence left
     * incomplete by the previous call. Does not move the position.
     *
     * @throws WebSocketException 1007 at the first byte no valid continuation could follow
     */
    public void validate(ByteBuffer buf) {
        int start = buf.position();
        int end = buf.limit();
        int s = state;
        int i = start;
        while (i < end) {
            if (s == ACCEPT) {
                // Between code points, skip ASCII words; byte order is irrelevant to this test.
                while (i <= end - Long.BYTES && (buf.getLong(i) & HIGH_BITS) == 0) {
                    i += Long.BYTES;
                }
                if (i == end) {
                    break;
                }
            }
            int b = buf.get(i) & 0xFF;
            s = TRANSITIONS[s + BYTE_CLASS[b]];
            if (s == REJECT) {
                state = REJECT;
                throw invalidByte(b, messageOffset + (i - start));
            }
            if (s == ACCEPT) {
                pending = 0;
            } else if (pending++ == 0) {
                sequenceLength = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            }
            i++;
        }
        state = s;
        messageOffset += end - start;
    }

    /** Validates {@code len} bytes of {@code a} from {@code off}; see {@link #validate(ByteBuffer)}. */
    public void validate(byte[] a, int off, int len) {
        validate(ByteBuffer.wrap(a, off, len));
    }

    /** Whether everything validated so far ends on a code point boundary. */
    public boolean isComplete() {
        return state == ACCEPT;
    }

    /**
     * Bytes of a trailing, still incomplete sequence (0..3): text up to that many bytes before the
     * end of what was validated can be decoded and delivered without splitting a code point.
     */
    public int pendingBytes() {
        return pending;
    }

    /**
     * Declares the message finished and resets for the next one.
     *
     * @throws WebSocketException 1007 if the message ended inside a sequence (after resetting)
     */
    public void endOfMessage() {
        boolean complete = state == ACCEPT;
        int seen = pending;
        int expected = sequenceLength;
        boolean rejected = state == REJECT;
        reset();
        if (rejected) {
            throw WebSocketException.invalidPayload("Invalid UTF-8 earlier in the message");
        }
        if (!complete) {
            throw WebSocketException.invalidPayload("Invalid UTF-8: message ends inside a "
                    + expected + "-byte sequence after " + seen + (seen == 1 ? " byte" : " bytes"));
        }
    }

    /** Forgets all state, ready for a new message. */
    public void reset() {
        state = ACCEPT;
        pending = 0;
        sequenceLength = 0;
        messageOffset = 0;
    }

    private WebSocketException invalidByte(int b, long offset) {
        String where = pending == 0
                ? ""
                : " (byte " + (pending + 1) + " of a " + sequenceLength + "-byte sequence)";
        return WebSocketException.invalidPayload(String.format(
                "Invalid UTF-8: byte 0x%02X at message offset %d%s", b, offset, where));
    }

    private static byte[] buildByteClasses() {
        byte[] classes = new byte[256];
        for (int b = 0; b < 256; b++) {
            int c;
            if (b <= 0x7F) {
                c = ASCII;
            } else if (b <= 0x8F) {
                c = CONT_80_8F;
            } else if (b <= 0x9F) {
                c = CONT_90_9F;
            } else if (b <= 0xBF) {
                c = CONT_A0_BF;
            } else if (b <= 0xC1) {
                c = NEVER_VALID;
            } else if (b <= 0xDF) {
                c = LEAD2;
            } else if (b == 0xE0) {
                c = LEAD_E0;
            } else if (b == 0xED) {
                c = LEAD_ED;
            } else if (b <= 0xEF) {
                c = LEAD3;
            } else if (b == 0xF0) {
                c = LEAD_F0;
            } else if (b <= 0xF3) {
                c = LEAD4;
            } else if (b == 0xF4) {
                c = LEAD_F4;
            } else {
                c = NEVER_VALID;
            }
            classes[b] = (byte) c;
        }
        return classes;
    }

    private static byte[] buildTransitions() {
        byte[] t = new byte[STATE_COUNT * CLASS_COUNT];
        Arrays.fill(t, (byte) REJECT);
        set(t, ACCEPT, ASCII, ACCEPT);
        set(t, ACCEPT, LEAD2, NEED1);
        set(t, ACCEPT, LEAD_E0, AFTER_E0);
        set(t, ACCEPT, LEAD3, NEED2);
        set(t, ACCEPT, LEAD_ED, AFTER_ED);
        set(t, ACCEPT, LEAD_F0, AFTER_F0);
        set(t, ACCEPT, LEAD4, NEED3);
        set(t, ACCEPT, LEAD_F4, AFTER_F4);
        for (int cont = CONT_80_8F; cont <= CONT_A0_BF; cont++) {
            set(t, NEED1, cont, ACCEPT);
            set(t, NEED2, cont, NEED1);
            set(t, NEED3, cont, NEED2);
        }
        set(t, AFTER_E0, CONT_A0_BF, NEED1);
        set(t, AFTER_ED, CONT_80_8F, NEED1);
        set(t, AFTER_ED, CONT_90_9F, NEED1);
        set(t, AFTER_F0, CONT_90_9F, NEED2);
        set(t, AFTER_F0, CONT_A0_BF, NEED2);
        set(t, AFTER_F4, CONT_80_8F, NEED2);
        return t;
    }

    private static void set(byte[] table, int state, int byteClass, int next) {
        table[state + byteClass] = (byte) next;
    }
}
