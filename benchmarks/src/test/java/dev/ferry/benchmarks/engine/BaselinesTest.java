package dev.ferry.benchmarks.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.frame.FrameHandler;
import dev.ferry.engine.frame.FrameParser;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.engine.frame.Utf8Validator;
import dev.ferry.engine.frame.WebSocketException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The baselines must compute what Ferry computes, or the comparison means nothing. */
class BaselinesTest {

    @Test
    void naiveDecoderUnmasksLikeFerry() {
        for (int size : new int[] {0, 1, 64, 125, 126, 1024, 65536, 70000}) {
            ByteBuffer frames = FrameParseBenchmark.maskedFrames(size, 3);
            ByteBuffer copy = ByteBuffer.allocate(frames.remaining()).put(frames.duplicate()).flip();
            ByteArrayOutputStream ferry = new ByteArrayOutputStream();
            new FrameParser(true, collecting(ferry)).parse(frames);
            ByteArrayOutputStream naive = new ByteArrayOutputStream();
            NaiveFrameDecoder.decodeAll(copy, chunk -> write(naive, chunk));
            assertArrayEquals(ferry.toByteArray(), naive.toByteArray(), "payload size " + size);
            assertEquals(3L * size, naive.size());
        }
    }

    @Test
    void naiveEncoderWritesFerrysBytes() {
        for (int size : new int[] {0, 5, 125, 126, 65535, 65536}) {
            byte[] payload = new byte[size];
            for (int i = 0; i < size; i++) {
                payload[i] = (byte) (i * 31);
            }
            ByteBuffer expected = FrameWriter.encode(true, 0, Opcode.BINARY, ByteBuffer.wrap(payload), true, 0x12345678);
            ByteBuffer actual = ByteBuffer.allocate(size + 14);
            NaiveFrameEncoder.writeMasked(actual, payload, 0x12345678);
            assertEquals(expected, actual.flip(), "payload size " + size);
        }
    }

    @Test
    void naiveUtf8AgreesWithFerry() {
        for (String kind : new String[] {"ascii", "mixed"}) {
            ByteBuffer text = ByteBuffer.wrap(SampleText.utf8(kind, Utf8ValidationBenchmark.SIZE));
            assertEquals(Utf8ValidationBenchmark.SIZE, text.remaining());
            assertTrue(NaiveUtf8Validator.isValid(text), kind);
            assertTrue(ferryAccepts(text), kind);
        }
        byte[][] invalid = {
            {(byte) 0xC0, (byte) 0x80}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xE2, (byte) 0x82}, // truncated
            {(byte) 0x80}, // lone continuation
        };
        for (byte[] bytes : invalid) {
            assertFalse(NaiveUtf8Validator.isValid(ByteBuffer.wrap(bytes)));
            assertFalse(ferryAccepts(ByteBuffer.wrap(bytes)));
        }
    }

    private static boolean ferryAccepts(ByteBuffer text) {
        Utf8Validator validator = new Utf8Validator();
        try {
            validator.validate(text);
            validator.endOfMessage();
            return true;
        } catch (WebSocketException e) {
            return false;
        }
    }

    private static FrameHandler collecting(ByteArrayOutputStream out) {
        return new FrameHandler() {
            @Override
            public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
            }

            @Override
            public void onPayload(ByteBuffer chunk) {
                write(out, chunk);
            }

            @Override
            public void onFrameEnd() {
            }
        };
    }

    private static void write(ByteArrayOutputStream out, ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.duplicate().get(bytes);
        out.writeBytes(bytes);
    }

    @Test
    void bothDeflateRoundTripsGiveBackEveryByte() {
        for (int size : new int[] {256, 16384}) {
            for (boolean takeover : new boolean[] {true, false}) {
                DeflateRoundTripBenchmark benchmark = new DeflateRoundTripBenchmark();
                benchmark.size = size;
                benchmark.takeover = takeover;
                benchmark.setUp(); // checks one round trip of each
                try {
                    for (int i = 0; i < 3; i++) { // later messages use the kept context
                        assertEquals(size, benchmark.ferry(new ByteCounter()), "size " + size + " takeover " + takeover);
                        assertEquals(size, benchmark.naivePerMessage(new ByteCounter()));
                    }
                } finally {
                    benchmark.tearDown();
                }
            }
        }
        byte[] json = SampleText.json(1000, 1);
        assertEquals(1000, json.length);
        assertTrue(new String(json, java.nio.charset.StandardCharsets.US_ASCII).startsWith("{\"type\":\"say\""));
    }
}
