package dev.ferry.benchmarks.engine;

import dev.ferry.engine.frame.FrameHandler;
import dev.ferry.engine.frame.FrameParser;
import dev.ferry.engine.frame.FrameWriter;
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
 * Server-side decoding of masked client frames: header parsing plus in-place unmasking, with a
 * handler that consumes every payload slice.
 *
 * <p>One invocation parses a buffer holding {@link #framesPerBuffer} frames of {@code payloadSize}
 * bytes (at least 64 KiB of payload in all), so small frames measure per-frame overhead as a
 * server sees it when many arrive in one read, and no invocation is dominated by timer overhead.
 *
 * <p>Fairness of in-place unmasking: the parser XORs the payload with the frame's key, and XOR is
 * its own inverse, so parsing the same bytes again turns them back into the masked form. Each
 * invocation therefore does exactly the same work on the same buffer; between invocations only the
 * position is reset, which costs nothing. The baseline works on the same buffer the same way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameParseBenchmark {

    private static final int MIN_PAYLOAD_PER_INVOCATION = 64 * 1024;

    @Param({"64", "1024", "65536", "1048576"})
    public int payloadSize;

    private int framesPerBuffer;
    private ByteBuffer wire;
    private FrameParser parser;
    private ConsumingHandler handler;

    @Setup
    public void setUp(Blackhole blackhole) {
        framesPerBuffer = Math.max(1, MIN_PAYLOAD_PER_INVOCATION / payloadSize);
        wire = maskedFrames(payloadSize, framesPerBuffer);
        handler = new ConsumingHandler(blackhole);
        parser = new FrameParser(true, handler);
    }

    @Benchmark
    public void ferryParser(ByteCounter counter) {
        wire.clear();
        parser.parse(wire);
        counter.bytes += (long) payloadSize * framesPerBuffer;
    }

    @Benchmark
    public void naiveByteLoop(ByteCounter counter, Blackhole blackhole) {
        wire.clear();
        NaiveFrameDecoder.decodeAll(wire, blackhole);
        counter.bytes += (long) payloadSize * framesPerBuffer;
    }

    /** Binary frames as a client sends them, each with its own mask key, back to back. */
    static ByteBuffer maskedFrames(int payloadSize, int frames) {
        SplittableRandom random = new SplittableRandom(42);
        byte[] payload = new byte[payloadSize];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) random.nextInt(256);
        }
        int frameSize = FrameWriter.headerSize(payloadSize, true) + payloadSize;
        ByteBuffer all = ByteBuffer.allocate(frameSize * frames);
        for (int f = 0; f < frames; f++) {
            all.put(FrameWriter.encode(true, 0, Opcode.BINARY, ByteBuffer.wrap(payload), true, random.nextInt()));
        }
        return all.flip();
    }

    /** What a message assembler does at minimum: look at every chunk. */
    static final class ConsumingHandler implements FrameHandler {
        private final Blackhole blackhole;

        ConsumingHandler(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
            blackhole.consume(payloadLength);
        }

        @Override
        public void onPayload(ByteBuffer chunk) {
            blackhole.consume(chunk);
        }

        @Override
        public void onFrameEnd() {
            blackhole.consume(true);
        }
    }
}
