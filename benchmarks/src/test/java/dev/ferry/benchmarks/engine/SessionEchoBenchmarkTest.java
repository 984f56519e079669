package dev.ferry.benchmarks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The session echo benchmark measures what it says: every message of a burst is echoed whole.
 * (That a burst's echoes share a write is the engine's own test, BurstBatchingTest, on a clock it
 * controls; here the real timer may flush a slow first burst early.)
 */
class SessionEchoBenchmarkTest {

    @Test
    void everyMessageOfABurstIsEchoed() throws Exception {
        SessionEchoBenchmark benchmark = new SessionEchoBenchmark();
        benchmark.payloadSize = 5;
        benchmark.burst = 3;
        benchmark.kind = "text";
        benchmark.setUp();
        try {
            assertEquals(3 * (2 + 5), benchmark.echo(), "three unmasked 5-byte frames back");
            assertEquals(3 * (2 + 5), benchmark.echo());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void binaryMessagesAreEchoedToo() throws Exception {
        SessionEchoBenchmark benchmark = new SessionEchoBenchmark();
        benchmark.payloadSize = 1024;
        benchmark.burst = 1;
        benchmark.kind = "binary";
        benchmark.setUp();
        try {
            assertEquals(4 + 1024, benchmark.echo());
        } finally {
            benchmark.tearDown();
        }
    }
}
