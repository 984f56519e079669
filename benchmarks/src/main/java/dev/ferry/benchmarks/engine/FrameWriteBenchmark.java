package dev.ferry.benchmarks.engine;

import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Masker;
import dev.ferry.engine.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Client-side frame writing: header, payload copied into the output buffer (a client may not mask
 * the caller's buffer in place), then masked there. One invocation writes at least 64 KiB of
 * payload, as {@link FrameParseBenchmark} reads it. Mask keys come from a small precomputed table
 * so that the cost of a random number generator is not part of the figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameWriteBenchmark {

    private static final int MIN_PAYLOAD_PER_INVOCATION = 64 * 1024;
    private static final int KEY_COUNT = 16;

    @Param({"64", "1024", "65536", "1048576"})
    public int payloadSize;

    private int framesPerBuffer;
    private byte[] payload;
    private int[] keys;
    private ByteBuffer out;

    @Setup
    public void setUp() {
        framesPerBuffer = Math.max(1, MIN_PAYLOAD_PER_INVOCATION / payloadSize);
        SplittableRandom random = new SplittableRandom(7);
        payload = new byte[payloadSize];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) random.nextInt(256);
        }
        keys = new int[KEY_COUNT];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextInt();
        }
        out = ByteBuffer.allocate((FrameWriter.headerSize(payloadSize, true) + payloadSize) * framesPerBuffer);
    }

    @Benchmark
    public void ferryWriter(ByteCounter counter, Blackhole blackhole) {
        ByteBuffer dst = out.clear();
        for (int f = 0; f < framesPerBuffer; f++) {
            int key = keys[f & (KEY_COUNT - 1)];
            FrameWriter.writeHeader(dst, true, 0, Opcode.BINARY, payloadSize, true, key);
            int start = dst.position();
            dst.put(payload);
            Masker.mask(dst, start, payloadSize, key, 0);
        }
        blackhole.consume(dst);
        counter.bytes += (long) payloadSize * framesPerBuffer;
    }

    @Benchmark
    public void naiveByteLoop(ByteCounter counter, Blackhole blackhole) {
        ByteBuffer dst = out.clear();
        for (int f = 0; f < framesPerBuffer; f++) {
            NaiveFrameEncoder.writeMasked(dst, payload, keys[f & (KEY_COUNT - 1)]);
        }
        blackhole.consume(dst);
        counter.bytes += (long) payloadSize * framesPerBuffer;
    }
}
