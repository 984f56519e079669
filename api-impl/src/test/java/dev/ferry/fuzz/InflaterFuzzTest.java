package dev.ferry.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.engine.deflate.MessageInflater;
import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.engine.frame.WebSocketException;
import java.nio.ByteBuffer;

/**
 * Any compressed input, in any pieces: the inflater yields output or fails with 1007, and a
 * consumer that stops at its limit stops it within one piece (no bomb inflates further).
 */
class InflaterFuzzTest {

    private static final int LIMIT = 64 * 1024;
    private static final int PIECE = 16 * 1024;
    private final ZlibPool pool = new ZlibPool(java.util.zip.Deflater.DEFAULT_COMPRESSION, 2);

    @FuzzTest(maxDuration = "15s")
    void inflatesWithinTheLimitOrFails(FuzzedDataProvider data) {
        boolean reset = data.consumeBoolean();
        byte[] input;
        if (data.consumeBoolean()) {
            input = data.consumeRemainingAsBytes();
        } else {
            // Valid compressed data with a few bytes changed reaches deeper into the inflater.
            byte[] plain = data.consumeBytes(data.consumeInt(0, 200_000));
            int flips = data.consumeInt(0, 4);
            input = compress(plain);
            for (int i = 0; i < flips && input.length > 0; i++) {
                input[data.consumeInt(0, input.length - 1)] ^= (byte) data.consumeInt(1, 255);
            }
        }
        MessageInflater inflater = new MessageInflater(pool, reset);
        long[] produced = new long[1];
        java.util.function.Consumer<ByteBuffer> limited = piece -> {
            produced[0] += piece.remaining();
            if (produced[0] > LIMIT) {
                throw WebSocketException.tooBig("over the limit");
            }
        };
        try {
            int half = input.length / 2;
            inflater.inflate(ByteBuffer.wrap(input, 0, half), limited);
            inflater.inflate(ByteBuffer.wrap(input, half, input.length - half), limited);
            inflater.endOfMessage(limited);
        } catch (WebSocketException e) {
            assertTrue(e.closeCode() == 1007 || e.closeCode() == 1009, "code " + e.closeCode());
        } finally {
            inflater.release();
        }
        assertTrue(produced[0] <= LIMIT + PIECE, "inflated " + produced[0] + " bytes past a limit of " + LIMIT);
    }

    private static byte[] compress(byte[] plain) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(plain);
            byte[] out = new byte[plain.length + 64];
            int n = deflater.deflate(out, 0, out.length, java.util.zip.Deflater.SYNC_FLUSH);
            return java.util.Arrays.copyOf(out, Math.max(0, n - 4));
        } finally {
            deflater.end();
        }
    }

    /** Entry point for a long run with Jazzer's own launcher (see docs/testing.md, "Fuzzing"). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        new InflaterFuzzTest().inflatesWithinTheLimitOrFails(data);
    }
}
