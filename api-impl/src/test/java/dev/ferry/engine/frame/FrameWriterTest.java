package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

    private static final int RFC_KEY = 0x37fa213d;

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encodeHex(boolean fin, int opcode, ByteBuffer payload, boolean masked, int key) {
        return Hex.of(Hex.remaining(FrameWriter.encode(fin, 0, opcode, payload, masked, key)));
    }

    @Test
    void encodesRfcSection57Examples() {
        assertEquals("81 05 48 65 6c 6c 6f", encodeHex(true, Opcode.TEXT, ascii("Hello"), false, 0));
        assertEquals("81 85 37 fa 21 3d 7f 9f 4d 51 58",
                encodeHex(true, Opcode.TEXT, ascii("Hello"), true, RFC_KEY));
        assertEquals("01 03 48 65 6c", encodeHex(false, Opcode.TEXT, ascii("Hel"), false, 0));
        assertEquals("80 02 6c 6f", encodeHex(true, Opcode.CONTINUATION, ascii("lo"), false, 0));
        assertEquals("89 05 48 65 6c 6c 6f", encodeHex(true, Opcode.PING, ascii("Hello"), false, 0));
        assertEquals("8a 85 37 fa 21 3d 7f 9f 4d 51 58",
                encodeHex(true, Opcode.PONG, ascii("Hello"), true, RFC_KEY));
    }

    @Test
    void encodesExtendedLengthExamples() {
        for (int length : new int[] {256, 65536}) {
            byte[] payload = RfcExamples.pattern(length);
            ByteBuffer frame = FrameWriter.encode(true, 0, Opcode.BINARY, ByteBuffer.wrap(payload), false, 0);
            String header = length == 256 ? "82 7e 01 00" : "82 7f 00 00 00 00 00 01 00 00";
            assertArrayEquals(Hex.concat(Hex.bytes(header), payload), Hex.remaining(frame));
        }
    }

    @Test
    void usesMinimalLengthEncodingAtEveryBoundary() {
        assertHeader("82 00", 0);
        assertHeader("82 7d", 125);
        assertHeader("82 7e 00 7e", 126);
        assertHeader("82 7e 00 7f", 127);
        assertHeader("82 7e ff ff", 65535);
        assertHeader("82 7f 00 00 00 00 00 01 00 00", 65536);
        assertHeader("82 7f 7f ff ff ff ff ff ff ff", Long.MAX_VALUE);
    }

    private static void assertHeader(String expected, long length) {
        ByteBuffer dst = ByteBuffer.allocate(14);
        FrameWriter.writeHeader(dst, true, 0, Opcode.BINARY, length, false, 0);
        assertEquals(FrameWriter.headerSize(length, false), dst.position());
        assertEquals(expected, Hex.of(Hex.remaining(dst.flip())));
    }

    @Test
    void headerSizes() {
        assertEquals(2, FrameWriter.headerSize(0, false));
        assertEquals(6, FrameWriter.headerSize(125, true));
        assertEquals(4, FrameWriter.headerSize(126, false));
        assertEquals(8, FrameWriter.headerSize(65535, true));
        assertEquals(10, FrameWriter.headerSize(65536, false));
        assertEquals(14, FrameWriter.headerSize(1L << 40, true));
    }

    @Test
    void writesRsvFinAndMaskBitsInNetworkOrderRegardlessOfBufferOrder() {
        ByteBuffer dst = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        dst.put((byte) 0xEE);
        FrameWriter.writeHeader(dst, false, 5, Opcode.BINARY, 300, true, 0x01020304);
        assertEquals(1 + 8, dst.position());
        assertEquals("ee 52 fe 01 2c 01 02 03 04", Hex.of(Hex.remaining(dst.flip())));
    }

    @Test
    void encodeLeavesPayloadPositionAndContentAlone() {
        ByteBuffer payload = ascii("xxHello").position(2);
        ByteBuffer frame = FrameWriter.encode(true, 0, Opcode.TEXT, payload, true, RFC_KEY);
        assertEquals(2, payload.position());
        assertEquals("xxHello", new String(payload.array(), StandardCharsets.US_ASCII));
        assertEquals("81 85 37 fa 21 3d 7f 9f 4d 51 58", Hex.of(Hex.remaining(frame)));
        assertEquals(0, frame.position());
    }

    @Test
    void encodesEmptyAndNullPayloads() {
        assertEquals("88 00", encodeHex(true, Opcode.CLOSE, null, false, 0));
        assertEquals("8a 80 01 02 03 04", encodeHex(true, Opcode.PONG, ByteBuffer.allocate(0), true, 0x01020304));
    }

    @Test
    void rejectsUnencodableArguments() {
        ByteBuffer dst = ByteBuffer.allocate(14);
        assertThrows(IllegalArgumentException.class, () -> FrameWriter.writeHeader(dst, true, 8, 1, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameWriter.writeHeader(dst, true, 0, 16, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameWriter.writeHeader(dst, true, 0, 1, -1, false, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameWriter.headerSize(-1, false));
    }
}
