package dev.ferry.benchmarks.engine;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline for {@link FrameParseBenchmark}: the textbook decoder, complete frames only, with
 * the RFC 6455 unmasking loop {@code payload[i] ^= key[i % 4]} one byte at a time. No protocol
 * checks, so it does strictly less work than Ferry's parser apart from the unmasking itself.
 */
final class NaiveFrameDecoder {

    private NaiveFrameDecoder() {
    }

    /** Decodes the masked frames between position and limit, unmasking in place. */
    static void decodeAll(ByteBuffer in, Blackhole blackhole) {
        decodeAll(in, blackhole::consume);
    }

    static void decodeAll(ByteBuffer in, Consumer<ByteBuffer> payloads) {
        byte[] key = new byte[4];
        while (in.hasRemaining()) {
            in.get(); // FIN, RSV, opcode: not needed to find the payload
            int lengthCode = in.get() & 0x7F;
            long length = lengthCode;
            if (lengthCode == 126) {
                length = in.getShort() & 0xFFFF;
            } else if (lengthCode == 127) {
                length = in.getLong();
            }
            in.get(key);
            int start = in.position();
            int end = start + (int) length;
            for (int i = start; i < end; i++) {
                in.put(i, (byte) (in.get(i) ^ key[(i - start) & 3]));
            }
            in.position(end);
            payloads.accept(in.slice(start, (int) length));
        }
    }
}
