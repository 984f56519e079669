package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.RecordingHandler.Frame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parser behaviour beyond the byte-level checks: roles, in-place unmasking, zero copies, events. */
class FrameParserTest {

    @Test
    void rfcExamplesInTheirOwnRoleAndTheOtherRole() {
        for (RfcExamples.Example e : RfcExamples.rfc()) {
            assertEquals(e.frames(), ParseRun.parse(e.wire(), e.masked()), e.name());
            RfcExamples.Example other = e.otherRole();
            assertEquals(e.frames(), ParseRun.parse(other.wire(), other.masked()), other.name());
        }
    }

    @Test
    void unmasksInPlaceAndPassesSlicesOfTheInput() {
        byte[] wire = Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        List<ByteBuffer> chunks = new ArrayList<>();
        FrameParser parser = new FrameParser(true, new RecordingHandler() {
            @Override
            public void onPayload(ByteBuffer chunk) {
                super.onPayload(chunk);
                chunks.add(chunk);
            }
        });
        ByteBuffer in = ByteBuffer.wrap(wire);
        parser.parse(in);
        assertEquals("81 85 37 fa 21 3d 48 65 6c 6c 6f", Hex.of(wire), "payload unmasked in place");
        assertEquals(1, chunks.size());
        assertSame(wire, chunks.get(0).array(), "chunk shares the input's memory");
        assertEquals(6, chunks.get(0).arrayOffset() + chunks.get(0).position());
        assertEquals(5, chunks.get(0).remaining());
    }

    @Test
    void directInputGivesDirectChunks() {
        byte[] wire = Hex.bytes("82 7e 01 00");
        ByteBuffer in = ByteBuffer.allocateDirect(wire.length + 256);
        in.put(wire).put(RfcExamples.pattern(256)).flip();
        List<Boolean> direct = new ArrayList<>();
        RecordingHandler handler = new RecordingHandler() {
            @Override
            public void onPayload(ByteBuffer chunk) {
                super.onPayload(chunk);
                direct.add(chunk.isDirect());
            }
        };
        new FrameParser(false, handler).parse(in);
        assertEquals(List.of(true), direct);
        assertEquals(RfcExamples.BINARY_256.frames(), handler.frames);
    }

    @Test
    void maskedPayloadSplitAcrossCallsUnmasksWithTheRightKeyOffset() {
        // 11 payload bytes in chunks of 3: each chunk starts at a different mask octet.
        byte[] payload = "Hello world".getBytes();
        byte[] wire = Hex.remaining(FrameWriter.encode(true, 0, Opcode.TEXT, ByteBuffer.wrap(payload), true, 0xA1B2C3D4));
        List<Frame> frames = ParseRun.parse(wire, true, 6, 7, 9, 12, 15);
        assertEquals("Hello world", new String(frames.get(0).payload()));
    }

    @Test
    void zeroLengthFramesGiveStartThenEnd() {
        List<String> events = new ArrayList<>();
        FrameParser parser = new FrameParser(true, new FrameHandler() {
            @Override
            public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
                events.add("start " + fin + " " + opcode + " " + payloadLength);
            }

            @Override
            public void onPayload(ByteBuffer chunk) {
                events.add("payload");
            }

            @Override
            public void onFrameEnd() {
                events.add("end");
            }
        });
        parser.parse(ByteBuffer.wrap(Hex.bytes("89 80 01 02 03 04 81 80 00 00 00 00")));
        assertEquals(List.of("start true 9 0", "end", "start true 1 0", "end"), events);
    }

    @Test
    void headerEventComesOnlyAfterTheMaskKey() {
        RecordingHandler handler = new RecordingHandler();
        FrameParser parser = new FrameParser(true, handler);
        byte[] wire = Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        parser.parse(ByteBuffer.wrap(wire, 0, 5));
        assertFalse(handler.inFrame());
        parser.parse(ByteBuffer.wrap(wire, 5, 1));
        assertTrue(handler.inFrame());
    }

    @Test
    void frameBoundaryTracking() {
        FrameParser parser = new FrameParser(false, new RecordingHandler());
        byte[] wire = Hex.bytes("81 05 48 65 6c 6c 6f");
        assertTrue(parser.isAtFrameBoundary());
        for (int i = 0; i < wire.length; i++) {
            parser.parse(ByteBuffer.wrap(wire, i, 1));
            assertEquals(i == wire.length - 1, parser.isAtFrameBoundary(), "after byte " + i);
        }
    }

    @Test
    void emptyInputIsANoOp() {
        RecordingHandler handler = new RecordingHandler();
        FrameParser parser = new FrameParser(false, handler);
        parser.parse(ByteBuffer.allocate(0));
        assertTrue(parser.isAtFrameBoundary());
        assertEquals(0, handler.frames.size());
    }
}
