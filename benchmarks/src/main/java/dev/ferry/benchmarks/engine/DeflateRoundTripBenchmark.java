package dev.ferry.benchmarks.engine;

import dev.ferry.engine.deflate.MessageDeflater;
import dev.ferry.engine.deflate.MessageInflater;
import dev.ferry.engine.deflate.ZlibPool;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * permessage-deflate round trip of one text message (compress as the sender does, inflate as the
 * receiver does, check the length): Ferry's {@link MessageDeflater}/{@link MessageInflater} next to
 * the JDK's zlib used the obvious way, a new {@code Deflater} and {@code Inflater} per message
 * writing through small buffers into a {@code ByteArrayOutputStream}. zlib does the same work in
 * both; what differs is the per-message cost around it (zlib state kept or pooled instead of
 * created, output sized once instead of grown, pieces handed on instead of copied), which is what
 * decides the small-message rows.
 *
 * <p>{@code takeover}: {@code true} keeps one compression context per connection (RFC 7692's
 * default, so later messages compress against earlier ones); {@code false} resets after each
 * message, the state coming from the container's pool.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DeflateRoundTripBenchmark {

    @Param({"256", "16384"})
    public int size;

    @Param({"true", "false"})
    public boolean takeover;

    /** Different messages in turn: with context takeover, one message repeated would compress to almost nothing. */
    private static final int MESSAGES = 16;

    private ByteBuffer[] messages;
    private int next;
    private ZlibPool pool;
    private MessageDeflater deflater;
    private MessageInflater inflater;
    private int inflatedLength;

    @Setup
    public void setUp() {
        // Chat-like JSON text: compressible, as real WebSocket traffic mostly is.
        messages = new ByteBuffer[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = ByteBuffer.wrap(SampleText.json(size, i));
        }
        pool = new ZlibPool(Deflater.DEFAULT_COMPRESSION, 4);
        deflater = new MessageDeflater(pool, !takeover);
        inflater = new MessageInflater(pool, !takeover);
        if (ferry(new ByteCounter()) != size || naivePerMessage(new ByteCounter()) != size) {
            throw new IllegalStateException("a round trip did not give back " + size + " bytes");
        }
    }

    @TearDown
    public void tearDown() {
        deflater.release();
        inflater.release();
        pool.close();
    }

    @Benchmark
    public int ferry(ByteCounter counter) {
        ByteBuffer compressed = deflater.deflate(nextMessage(), true);
        inflatedLength = 0;
        inflater.inflate(compressed, piece -> inflatedLength += piece.remaining());
        inflater.endOfMessage(piece -> inflatedLength += piece.remaining());
        counter.bytes += size;
        return inflatedLength;
    }

    private ByteBuffer nextMessage() {
        next = (next + 1) % MESSAGES;
        return messages[next];
    }

    /** The baseline: fresh zlib state per message, 1 KiB buffers, the output collected in a stream. */
    @Benchmark
    public int naivePerMessage(ByteCounter counter) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        Inflater i = new Inflater(true);
        try {
            d.setInput(nextMessage().array(), 0, size);
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            int n;
            while ((n = d.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                compressed.write(buffer, 0, n);
            }
            i.setInput(compressed.toByteArray());
            ByteArrayOutputStream inflated = new ByteArrayOutputStream();
            while ((n = i.inflate(buffer)) > 0) {
                inflated.write(buffer, 0, n);
            }
            counter.bytes += size;
            return inflated.size();
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            d.end();
            i.end();
        }
    }
}
