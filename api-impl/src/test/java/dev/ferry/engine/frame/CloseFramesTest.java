package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.CloseFrames.CloseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloseFramesTest {

    private static ByteBuffer payload(int code, byte[] reason) {
        ByteBuffer buf = ByteBuffer.allocate(2 + reason.length);
        buf.putShort((short) code).put(reason);
        return buf.flip();
    }

    @Test
    void emptyPayloadMeansNoStatus() {
        assertEquals(new CloseInfo(1005, ""), CloseFrames.parse(ByteBuffer.allocate(0)));
    }

    @Test
    void oneBytePayloadIsAProtocolError() {
        WebSocketException e = assertThrows(WebSocketException.class,
                () -> CloseFrames.parse(ByteBuffer.wrap(new byte[] {0x03})));
        assertEquals(1002, e.closeCode());
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1011, 1014, 3000, 3999, 4000, 4999})
    void validCodesParse(int code) {
        assertEquals(new CloseInfo(code, "bye"), CloseFrames.parse(payload(code, "bye".getBytes())));
        assertEquals(new CloseInfo(code, ""), CloseFrames.parse(payload(code, new byte[0])));
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
    void invalidCodesAreProtocolErrorsNamingTheCode(int code) {
        WebSocketException e = assertThrows(WebSocketException.class,
                () -> CloseFrames.parse(payload(code, new byte[0])));
        assertEquals(1002, e.closeCode());
        assertTrue(e.getMessage().contains(Integer.toString(code)), e.getMessage());
    }

    @Test
    void parseReadsBigEndianFromPositionWithoutMovingIt() {
        ByteBuffer buf = ByteBuffer.wrap(Hex.bytes("ff ff 03 e8 6f 6b"));
        buf.position(2);
        assertEquals(new CloseInfo(1000, "ok"), CloseFrames.parse(buf));
        assertEquals(2, buf.position());
    }

    @Test
    void multiByteReasonDecodes() {
        byte[] reason = "κόσμε €😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(new CloseInfo(4000, "κόσμε €😀"), CloseFrames.parse(payload(4000, reason)));
    }

    @Test
    void invalidUtf8ReasonIsInvalidPayload() {
        for (String bad : new String[] {"c0 80", "ed a0 80", "f4 90 80 80", "ff", "41 ce"}) {
            WebSocketException e = assertThrows(WebSocketException.class,
                    () -> CloseFrames.parse(payload(1000, Hex.bytes(bad))), bad);
            assertEquals(1007, e.closeCode(), bad);
        }
    }

    @Test
    void encodesCodeAndReasonByteExactly() {
        assertEquals("03 e8 62 79 65", Hex.of(Hex.remaining(CloseFrames.encodePayload(1000, "bye"))));
        assertEquals("0f a0", Hex.of(Hex.remaining(CloseFrames.encodePayload(4000, null))));
        assertEquals("03 f3", Hex.of(Hex.remaining(CloseFrames.encodePayload(1011, ""))));
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {1005, 1006, 1015})
    void unsendableCodesGiveAnEmptyPayload(int code) {
        assertEquals(0, CloseFrames.encodePayload(code, "ignored").remaining());
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {999, 1004, 1016, 2999, 5000, -1})
    void otherInvalidCodesCannotBeEncoded(int code) {
        assertThrows(IllegalArgumentException.class, () -> CloseFrames.encodePayload(code, "x"));
    }

    @Test
    void longAsciiReasonIsCutTo125Bytes() {
        ByteBuffer p = CloseFrames.encodePayload(1000, "x".repeat(200));
        assertEquals(125, p.remaining());
        assertEquals(new CloseInfo(1000, "x".repeat(123)), CloseFrames.parse(p));
    }

    @Test
    void reasonOfExactly123BytesIsKept() {
        String reason = "y".repeat(120) + "€";
        assertEquals(new CloseInfo(1000, reason), CloseFrames.parse(CloseFrames.encodePayload(1000, reason)));
    }

    @Test
    void truncationNeverSplitsACodePoint() {
        // Shift 1-, 2-, 3- and 4-byte characters across the 123-byte cut at every phase.
        for (String c : new String[] {"a", "é", "€", "😀"}) {
            for (int pad = 0; pad < 4; pad++) {
                String reason = "p".repeat(pad) + c.repeat(130);
                ByteBuffer p = CloseFrames.encodePayload(3000, reason);
                assertTrue(p.remaining() <= 125);
                // The maximal whole-character prefix of the reason that fits.
                int cpLen = c.getBytes(StandardCharsets.UTF_8).length;
                int expectedReason = pad + (123 - pad) / cpLen * cpLen;
                assertEquals(2 + expectedReason, p.remaining(), c + " pad " + pad);
                CloseInfo info = CloseFrames.parse(p);
                assertTrue(reason.startsWith(info.reason()), c + " pad " + pad);
            }
        }
    }

    @Test
    void encodeThenParseRoundTrips() {
        for (int code : new int[] {1000, 1003, 1007, 1014, 3000, 4999}) {
            assertEquals(new CloseInfo(code, "why"), CloseFrames.parse(CloseFrames.encodePayload(code, "why")));
        }
    }
}
