package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each protocol violation must fail with the right close code on exactly the byte that makes the
 * stream invalid: checked by feeding one byte per call, and by feeding everything at once.
 */
class FrameParserViolationTest {

    private static final boolean SERVER = true;
    private static final boolean CLIENT = false;

    /**
     * Feeds {@code hex} one byte per call and asserts the call for byte {@code offendingIndex}
     * throws (and none before), then the same bytes at once; returns the exception.
     */
    private static WebSocketException assertFailsAt(String hex, int offendingIndex, int closeCode,
            boolean expectMasked, Consumer<FrameParser> setup) {
        byte[] wire = Hex.bytes(hex);
        FrameParser parser = new FrameParser(expectMasked, new RecordingHandler());
        setup.accept(parser);
        WebSocketException thrown = null;
        for (int i = 0; i < wire.length && thrown == null; i++) {
            try {
                parser.parse(ByteBuffer.wrap(wire, i, 1));
            } catch (WebSocketException e) {
                assertEquals(offendingIndex, i, "failed on the wrong byte: " + e.getMessage());
                thrown = e;
            }
        }
        if (thrown == null) {
            fail("no exception for " + hex);
        }
        assertEquals(closeCode, thrown.closeCode(), thrown.getMessage());
        assertThrows(IllegalStateException.class, () -> parser.parse(ByteBuffer.wrap(new byte[] {0})));

        FrameParser whole = new FrameParser(expectMasked, new RecordingHandler());
        setup.accept(whole);
        ByteBuffer all = ByteBuffer.wrap(wire.clone());
        WebSocketException e = assertThrows(WebSocketException.class, () -> whole.parse(all));
        assertEquals(offendingIndex + 1, all.position(), "bytes consumed up to the offending one");
        assertEquals(thrown.getMessage(), e.getMessage());
        return thrown;
    }

    private static WebSocketException assertFailsAt(String hex, int offendingIndex, int closeCode) {
        return assertFailsAt(hex, offendingIndex, closeCode, CLIENT, p -> { });
    }

    private static void assertParses(String hex, boolean expectMasked, Consumer<FrameParser> setup) {
        FrameParser parser = new FrameParser(expectMasked, new RecordingHandler());
        setup.accept(parser);
        parser.parse(ByteBuffer.wrap(Hex.bytes(hex)));
        assertTrue(parser.isAtFrameBoundary());
    }

    @Test
    void reservedOpcodes() {
        for (int op : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
            WebSocketException e = assertFailsAt(String.format("%02x 00", 0x80 | op), 0, 1002);
            assertEquals("Reserved opcode 0x" + Integer.toHexString(op), e.getMessage());
        }
    }

    @Test
    void reservedOpcodeAfterValidFrame() {
        assertFailsAt("81 05 48 65 6c 6c 6f 83 00", 7, 1002);
    }

    @Test
    void rsvBitsMustBeAllowed() {
        for (int allowed = 0; allowed < 8; allowed++) {
            for (int rsv = 0; rsv < 8; rsv++) {
                int allowedBits = allowed;
                String hex = String.format("%02x 00", 0x82 | rsv << 4);
                if ((rsv & ~allowed) == 0) {
                    assertParses(hex, CLIENT, p -> p.setAllowedRsv(allowedBits));
                } else {
                    assertFailsAt(hex, 0, 1002, CLIENT, p -> p.setAllowedRsv(allowedBits));
                }
            }
        }
        WebSocketException e = assertFailsAt("b2 00", 0, 1002, CLIENT, p -> p.setAllowedRsv(4));
        assertEquals("RSV bits RSV2+RSV3 set but no negotiated extension uses them", e.getMessage());
    }

    @Test
    void rsvBitsReachTheHandler() {
        RecordingHandler handler = new RecordingHandler();
        FrameParser parser = new FrameParser(CLIENT, handler);
        parser.setAllowedRsv(4);
        parser.parse(ByteBuffer.wrap(Hex.bytes("c1 01 41")));
        assertEquals(4, handler.frames.get(0).rsv());
    }

    @Test
    void fragmentedControlFrames() {
        for (int op : new int[] {8, 9, 0xA}) {
            WebSocketException e = assertFailsAt(String.format("%02x 00", op), 0, 1002);
            assertTrue(e.getMessage().contains("Fragmented control frame"), e.getMessage());
        }
    }

    @Test
    void controlFramesLongerThan125Bytes() {
        assertParses("89 7d" + " 00".repeat(125), CLIENT, p -> { });
        WebSocketException e16 = assertFailsAt("89 7e 00 7e", 1, 1002);
        assertEquals("Control frame (opcode 0x9) with a 16-bit extended payload length; the limit is 125 bytes",
                e16.getMessage());
        WebSocketException e64 = assertFailsAt("88 7f 00 00 00 00 00 00 01 00", 1, 1002);
        assertTrue(e64.getMessage().contains("64-bit"), e64.getMessage());
        assertFailsAt("8a fe 00 7e", 1, 1002, SERVER, p -> { });
    }

    @Test
    void maskingMustMatchTheRole() {
        WebSocketException unmasked = assertFailsAt("81 05 48 65 6c 6c 6f", 1, 1002, SERVER, p -> { });
        assertEquals("Unmasked frame from a client; client frames must be masked", unmasked.getMessage());
        WebSocketException masked = assertFailsAt("81 85 37 fa 21 3d 7f 9f 4d 51 58", 1, 1002, CLIENT, p -> { });
        assertEquals("Masked frame from a server; server frames must not be masked", masked.getMessage());
    }

    @Test
    void sixtyFourBitLengthWithHighBitSet() {
        WebSocketException e = assertFailsAt("82 7f 80 00 00 00 00 00 00 00", 2, 1002);
        assertEquals("64-bit payload length with the most significant bit set", e.getMessage());
        assertFailsAt("82 ff ff ff ff ff ff ff ff ff", 2, 1002, SERVER, p -> { });
    }

    @Test
    void frameLargerThanMaxFrameSize() {
        assertParses("82 64" + " 00".repeat(100), CLIENT, p -> p.setMaxFrameSize(100));
        WebSocketException e = assertFailsAt("82 65", 1, 1009, CLIENT, p -> p.setMaxFrameSize(100));
        assertEquals("Frame payload of 101 bytes exceeds maxFrameSize of 100 bytes", e.getMessage());
        assertFailsAt("82 7e 01 00", 3, 1009, CLIENT, p -> p.setMaxFrameSize(255));
        WebSocketException e64 = assertFailsAt("82 ff 00 00 00 00 00 01 00 00 11 22 33 44", 9, 1009,
                SERVER, p -> p.setMaxFrameSize(65535));
        assertTrue(e64.getMessage().contains("maxFrameSize"), e64.getMessage());
        // Control frames are frames too.
        assertFailsAt("89 05", 1, 1009, CLIENT, p -> p.setMaxFrameSize(4));
        assertParses("82 00", CLIENT, p -> p.setMaxFrameSize(0));
    }

    @Test
    void continuationWithoutFragmentedMessage() {
        WebSocketException e = assertFailsAt("80 00", 0, 1002);
        assertEquals("CONTINUATION frame with no fragmented message in progress", e.getMessage());
        // After the final fragment, the message is over.
        assertFailsAt("01 01 41 80 01 42 00 00", 6, 1002);
        // An unfragmented message never starts one.
        assertFailsAt("82 00 00 00", 2, 1002);
    }

    @Test
    void newDataFrameWhileFragmentedMessageInProgress() {
        WebSocketException text = assertFailsAt("01 01 41 81 00", 3, 1002);
        assertEquals("TEXT frame while a fragmented message is in progress; expected CONTINUATION",
                text.getMessage());
        WebSocketException binary = assertFailsAt("02 00 00 00 82 00", 4, 1002);
        assertTrue(binary.getMessage().startsWith("BINARY frame"), binary.getMessage());
        // Control frames in between do not end the message.
        assertFailsAt("01 00 89 00 8a 00 01 00", 6, 1002);
    }

    @Test
    void validFragmentationSequencesParse() {
        assertParses("01 00 00 00 89 00 00 00 80 00 02 00 80 00 81 00", CLIENT, p -> { });
    }

    @Test
    void handlerExceptionFailsTheParser() {
        FrameParser parser = new FrameParser(CLIENT, new RecordingHandler() {
            @Override
            public void onPayload(ByteBuffer chunk) {
                throw WebSocketException.invalidPayload("bad text");
            }
        });
        WebSocketException e = assertThrows(WebSocketException.class,
                () -> parser.parse(ByteBuffer.wrap(Hex.bytes("81 01 ff"))));
        assertEquals(1007, e.closeCode());
        assertThrows(IllegalStateException.class, () -> parser.parse(ByteBuffer.wrap(Hex.bytes("81 00"))));
    }

    @Test
    void settersRejectNonsense() {
        FrameParser parser = new FrameParser(CLIENT, new RecordingHandler());
        assertThrows(IllegalArgumentException.class, () -> parser.setMaxFrameSize(-1));
        assertThrows(IllegalArgumentException.class, () -> parser.setAllowedRsv(8));
    }
}
