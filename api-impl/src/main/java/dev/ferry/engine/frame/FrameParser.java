package dev.ferry.engine.frame;

import java.nio.ByteBuffer;

/**
 * A resumable RFC 6455 frame decoder. Input may be split anywhere, down to one byte per
 * {@link #parse} call: the header is read byte by byte into fields, and the payload is unmasked in
 * place and handed to the {@link FrameHandler} as slices of the input, never copied.
 *
 * <p>Every protocol check fires on the header byte that breaks it, so a peer cannot make us wait
 * (or buffer) before we close. After any exception the parser is failed for good, because its
 * position in the byte stream is no longer known.
 *
 * <p>Not thread-safe: one parser belongs to one connection's read side.
 */
public final class FrameParser {

    private enum State { FIRST_BYTE, SECOND_BYTE, EXTENDED_LENGTH, MASK_KEY, PAYLOAD, FAILED }

    private static final int CONTROL_PAYLOAD_LIMIT = 125;

    private final boolean expectMasked;
    private final FrameHandler handler;
    private long maxFrameSize = Long.MAX_VALUE;
    private int allowedRsv;

    private State state = State.FIRST_BYTE;
    /** A TEXT or BINARY frame without FIN has been seen and its final CONTINUATION has not. */
    private boolean fragmentedMessageInProgress;

    // The frame being read.
    private boolean fin;
    private int rsv;
    private int opcode;
    private boolean masked;
    private long payloadLength;
    private int maskKey;
    /** Header bytes still to read in EXTENDED_LENGTH or MASK_KEY. */
    private int headerBytesLeft;
    private long payloadLeft;
    private int maskOffset;

    /**
     * @param expectMasked {@code true} on a server (client frames must be masked), {@code false} on
     *     a client (server frames must not be)
     */
    public FrameParser(boolean expectMasked, FrameHandler handler) {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        this.expectMasked = expectMasked;
        this.handler = handler;
    }

    /** Frames announcing a longer payload fail with 1009. Default {@code Long.MAX_VALUE}. */
    public void setMaxFrameSize(long maxFrameSize) {
        if (maxFrameSize < 0) {
            throw new IllegalArgumentException("maxFrameSize must be >= 0, was " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    /** RSV bits (RSV1 = 4, RSV2 = 2, RSV3 = 1) that negotiated extensions own. Default 0. */
    public void setAllowedRsv(int bits) {
        if ((bits & ~7) != 0) {
            throw new IllegalArgumentException("RSV bits must be 0..7, was " + bits);
        }
        this.allowedRsv = bits;
    }

    /** Whether the bytes parsed so far end exactly after a complete frame. */
    public boolean isAtFrameBoundary() {
        return state == State.FIRST_BYTE;
    }

    /**
     * Consumes all bytes between {@code in}'s position and limit, calling the handler for what they
     * complete. Payload bytes are unmasked in place, so {@code in} must be writable if frames are masked.
     *
     * @throws WebSocketException on a protocol violation (1002) or an oversized frame (1009)
     * @throws IllegalStateException if an earlier call threw
     */
    public void parse(ByteBuffer in) {
        if (state == State.FAILED) {
            throw new IllegalStateException("FrameParser failed earlier; the stream cannot be resumed");
        }
        try {
            while (in.hasRemaining()) {
                if (state == State.PAYLOAD) {
                    deliverPayload(in);
                } else {
                    readHeaderByte(in.get() & 0xFF);
                }
            }
        } catch (RuntimeException e) {
            // Includes exceptions from the handler: either way our place in the stream is lost.
            state = State.FAILED;
            throw e;
        }
    }

    private void readHeaderByte(int b) {
        switch (state) {
            case FIRST_BYTE:
                readFirstByte(b);
                break;
            case SECOND_BYTE:
                readSecondByte(b);
                break;
            case EXTENDED_LENGTH:
                readExtendedLengthByte(b);
                break;
            case MASK_KEY:
                maskKey = maskKey << 8 | b;
                if (--headerBytesLeft == 0) {
                    startPayload();
                }
                break;
            default:
                throw new IllegalStateException("Not a header state: " + state);
        }
    }

    private void readFirstByte(int b) {
        fin = (b & 0x80) != 0;
        rsv = (b >>> 4) & 7;
        opcode = b & 0xF;
        if (!Opcode.isKnown(opcode)) {
            throw WebSocketException.protocolError("Reserved opcode 0x" + Integer.toHexString(opcode));
        }
        int forbiddenRsv = rsv & ~allowedRsv;
        if (forbiddenRsv != 0) {
            throw WebSocketException.protocolError("RSV bits " + describeRsv(forbiddenRsv)
                    + " set but no negotiated extension uses them");
        }
        if (Opcode.isControl(opcode)) {
            if (!fin) {
                throw WebSocketException.protocolError(
                        "Fragmented control frame (opcode 0x" + Integer.toHexString(opcode) + ", FIN=0)");
            }
        } else if (opcode == Opcode.CONTINUATION) {
            if (!fragmentedMessageInProgress) {
                throw WebSocketException.protocolError(
                        "CONTINUATION frame with no fragmented message in progress");
            }
            fragmentedMessageInProgress = !fin;
        } else {
            if (fragmentedMessageInProgress) {
                throw WebSocketException.protocolError((opcode == Opcode.TEXT ? "TEXT" : "BINARY")
                        + " frame while a fragmented message is in progress; expected CONTINUATION");
            }
            fragmentedMessageInProgress = !fin;
        }
        state = State.SECOND_BYTE;
    }

    private void readSecondByte(int b) {
        masked = (b & 0x80) != 0;
        if (masked != expectMasked) {
            throw WebSocketException.protocolError(expectMasked
                    ? "Unmasked frame from a client; client frames must be masked"
                    : "Masked frame from a server; server frames must not be masked");
        }
        int lengthCode = b & 0x7F;
        if (Opcode.isControl(opcode) && lengthCode > CONTROL_PAYLOAD_LIMIT) {
            // 126/127 announce an extended length; no need to wait for it to know this is wrong.
            throw WebSocketException.protocolError("Control frame (opcode 0x" + Integer.toHexString(opcode)
                    + ") with a " + (lengthCode == 126 ? 16 : 64)
                    + "-bit extended payload length; the limit is " + CONTROL_PAYLOAD_LIMIT + " bytes");
        }
        payloadLength = 0;
        if (lengthCode == 126) {
            headerBytesLeft = 2;
            state = State.EXTENDED_LENGTH;
        } else if (lengthCode == 127) {
            headerBytesLeft = 8;
            state = State.EXTENDED_LENGTH;
        } else {
            payloadLength = lengthCode;
            lengthComplete();
        }
    }

    private void readExtendedLengthByte(int b) {
        if (headerBytesLeft == 8 && (b & 0x80) != 0) {
            throw WebSocketException.protocolError(
                    "64-bit payload length with the most significant bit set");
        }
        payloadLength = payloadLength << 8 | b;
        if (--headerBytesLeft == 0) {
            lengthComplete();
        }
    }

    private void lengthComplete() {
        if (payloadLength > maxFrameSize) {
            throw WebSocketException.tooBig("Frame payload of " + payloadLength
                    + " bytes exceeds maxFrameSize of " + maxFrameSize + " bytes");
        }
        if (masked) {
            maskKey = 0;
            headerBytesLeft = 4;
            state = State.MASK_KEY;
        } else {
            startPayload();
        }
    }

    private void startPayload() {
        handler.onFrameStart(fin, rsv, opcode, payloadLength);
        if (payloadLength == 0) {
            endFrame();
        } else {
            payloadLeft = payloadLength;
            maskOffset = 0;
            state = State.PAYLOAD;
        }
    }

    private void deliverPayload(ByteBuffer in) {
        int start = in.position();
        int count = (int) Math.min(payloadLeft, in.remaining());
        if (masked) {
            Masker.mask(in, start, count, maskKey, maskOffset);
            maskOffset = Masker.nextOffset(maskOffset, count);
        }
        // Advance first: if the handler throws, the bytes count as consumed.
        in.position(start + count);
        payloadLeft -= count;
        handler.onPayload(in.slice(start, count));
        if (payloadLeft == 0) {
            endFrame();
        }
    }

    private void endFrame() {
        state = State.FIRST_BYTE;
        handler.onFrameEnd();
    }

    private static String describeRsv(int bits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            if ((bits & (8 >>> i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "+").append("RSV").append(i);
            }
        }
        return sb.toString();
    }
}
