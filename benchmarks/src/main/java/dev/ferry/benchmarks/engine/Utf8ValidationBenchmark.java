package dev.ferry.benchmarks.engine;

import dev.ferry.engine.frame.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

/**
 * Strict UTF-8 validation of one 64 KiB TEXT payload: Ferry's {@link Utf8Validator} next to a
 * byte-at-a-time validator written the obvious way, and the JDK's strict decoder as a reference
 * for what a container that validates by decoding (into a reused CharBuffer) pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Utf8ValidationBenchmark {

    static final int SIZE = 64 * 1024;

    /** {@code ascii}: printable ASCII only; {@code mixed}: ASCII with 2-, 3- and 4-byte sequences. */
    @Param({"ascii", "mixed"})
    public String text;

    private ByteBuffer utf8;
    private final Utf8Validator validator = new Utf8Validator();
    private CharsetDecoder decoder;
    private CharBuffer decoded;

    @Setup
    public void setUp() {
        utf8 = ByteBuffer.wrap(SampleText.utf8(text, SIZE));
        decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        decoded = CharBuffer.allocate(SIZE);
        if (!ferryValidator(new ByteCounter()) || !naiveByteLoop(new ByteCounter()) || !jdkDecoder(new ByteCounter())) {
            throw new IllegalStateException("Sample text is not valid UTF-8 according to a validator");
        }
    }

    @Benchmark
    public boolean ferryValidator(ByteCounter counter) {
        validator.validate(utf8);
        validator.endOfMessage(); // throws if the text ended inside a sequence
        counter.bytes += SIZE;
        return true;
    }

    @Benchmark
    public boolean naiveByteLoop(ByteCounter counter) {
        counter.bytes += SIZE;
        return NaiveUtf8Validator.isValid(utf8);
    }

    @Benchmark
    public boolean jdkDecoder(ByteCounter counter) {
        decoder.reset();
        CoderResult result = decoder.decode(utf8.duplicate(), decoded.clear(), true);
        counter.bytes += SIZE;
        return !result.isError();
    }
}
