package dev.ferry.benchmarks.engine;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Payload bytes processed, reported by JMH as a secondary "bytes" throughput metric (bytes per
 * second), which {@link GbPerSecondReport} turns into GB/s. A counter rather than
 * {@code @OperationsPerInvocation} because the bytes per invocation depend on a {@code @Param}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ByteCounter {

    /** Public because JMH reads AuxCounters fields reflectively. */
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        bytes = 0;
    }
}
