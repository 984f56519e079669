package dev.ferry.engine.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** RFC 6455 section 5.5.1 close frame payloads: an optional 2-byte status code and UTF-8 reason. */
public final class CloseFrames {

    /** Control frame payloads are limited to 125 bytes, 2 of which hold the code. */
    private static final int MAX_REASON_BYTES = 125 - 2;

    /** A decoded close payload; {@code code} is {@link CloseCodes#NO_STATUS} if there was none. */
    public record CloseInfo(int code, String reason) {
    }

    private CloseFrames() {
    }

    /**
     * Decodes the payload between {@code payload}'s position and limit (position unchanged).
     *
     * @throws WebSocketException 1002 for a 1-byte payload or a code not allowed on the wire,
     *     1007 for a reason that is not valid UTF-8
     */
    public static CloseInfo parse(ByteBuffer payload) {
        int start = payload.position();
        int length = payload.remaining();
        if (length == 0) {
            return new CloseInfo(CloseCodes.NO_STATUS, "");
        }
        if (length == 1) {
            throw WebSocketException.protocolError(
                    "Close frame with a 1-byte payload; a status code takes 2 bytes");
        }
        int code = (payload.get(start) & 0xFF) << 8 | (payload.get(start + 1) & 0xFF);
        if (!CloseCodes.isValidOnWire(code)) {
            throw WebSocketException.protocolError("Close code " + code + " is not allowed in a close frame");
        }
        byte[] reason = new byte[length - 2];
        payload.get(start + 2, reason);
        Utf8Validator validator = new Utf8Validator();
        try {
            validator.validate(reason, 0, reason.length);
            validator.endOfMessage();
        } catch (WebSocketException e) {
            throw WebSocketException.invalidPayload("Close reason is not valid UTF-8: " + e.getMessage());
        }
        return new CloseInfo(code, new String(reason, StandardCharsets.UTF_8));
    }

    /**
     * The payload for a close frame with this code and reason, flipped for reading. The reason
     * ({@code null} means none) is cut at a code point boundary to fit in 125 bytes. Codes that must
     * never be sent (1005, 1006, 1015) give an empty payload, i.e. a close frame without a status.
     *
     * @throws IllegalArgumentException for any other code that is not allowed on the wire
     */
    public static ByteBuffer encodePayload(int code, String reason) {
        if (code == CloseCodes.NO_STATUS || code == CloseCodes.ABNORMAL
                || code == CloseCodes.TLS_HANDSHAKE) {
            return ByteBuffer.allocate(0);
        }
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("Close code " + code + " may not be sent");
        }
        byte[] utf8 = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int reasonLength = fittingLength(utf8);
        ByteBuffer payload = ByteBuffer.allocate(2 + reasonLength);
        payload.put((byte) (code >>> 8)).put((byte) code).put(utf8, 0, reasonLength);
        return payload.flip();
    }

    /**
     * {@code reason} as a close frame can carry it: cut at a code point boundary to 123 bytes of
     * UTF-8 (which is also all that {@code jakarta.websocket.CloseReason} accepts).
     */
    public static String fitReason(String reason) {
        byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
        int length = fittingLength(utf8);
        return length == utf8.length ? reason : new String(utf8, 0, length, StandardCharsets.UTF_8);
    }

    /** How many bytes of {@code utf8} fit in a close reason, ending at a code point boundary. */
    private static int fittingLength(byte[] utf8) {
        int length = Math.min(utf8.length, MAX_REASON_BYTES);
        // Back up over continuation bytes (10xxxxxx) so the cut falls before a lead byte.
        if (length < utf8.length) {
            while (length > 0 && (utf8[length] & 0xC0) == 0x80) {
                length--;
            }
        }
        return length;
    }
}
