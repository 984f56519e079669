package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.engine.frame.RecordingHandler.Frame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever FrameWriter encodes, FrameParser decodes back, at every length-encoding boundary. */
class FrameRoundTripTest {

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 1 << 20})
    void roundTripMaskedAndUnmasked(int length) {
        Random random = new Random(length);
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        for (boolean masked : new boolean[] {false, true}) {
            int key = random.nextInt();
            ByteBuffer frame = FrameWriter.encode(true, 0, Opcode.BINARY, ByteBuffer.wrap(payload), masked, key);
            byte[] wire = Hex.remaining(frame);
            assertEquals(FrameWriter.headerSize(length, masked) + length, wire.length);
            if (masked && length >= 4) {
                // The wire really is masked (a zero key would be a no-op).
                byte[] onWire = new byte[length];
                System.arraycopy(wire, FrameWriter.headerSize(length, true), onWire, 0, length);
                Masker.mask(ByteBuffer.wrap(onWire), 0, length, key, 0);
                assertArrayEquals(payload, onWire);
            }

            Frame expected = new Frame(true, 0, Opcode.BINARY, length, payload);
            assertEquals(List.of(expected), ParseRun.parse(wire, masked), "whole, masked=" + masked);

            // And in random-sized reads, as from a socket.
            int[] cuts = randomCuts(random, wire.length);
            assertEquals(List.of(expected), ParseRun.parse(wire, masked, cuts), "chunked, masked=" + masked);
        }
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {Opcode.TEXT, Opcode.BINARY, Opcode.CLOSE, Opcode.PING, Opcode.PONG})
    void headerFieldsSurviveTheRoundTrip(int opcode) {
        byte[] payload = {1, 2, 3};
        byte[] wire = Hex.remaining(FrameWriter.encode(true, 5, opcode, ByteBuffer.wrap(payload), true, 0x11223344));
        RecordingHandler handler = new RecordingHandler();
        FrameParser parser = new FrameParser(true, handler);
        parser.setAllowedRsv(7);
        parser.parse(ByteBuffer.wrap(wire));
        assertEquals(List.of(new Frame(true, 5, opcode, 3, payload)), handler.frames);
    }

    private static int[] randomCuts(Random random, int length) {
        int count = Math.min(50, length);
        return random.ints(count, 0, length + 1).sorted().toArray();
    }
}
