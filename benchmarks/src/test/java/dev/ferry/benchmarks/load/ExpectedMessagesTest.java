package dev.ferry.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ExpectedMessagesTest {

    @Test
    void keepsOrderWhileGrowingAndWrapping() {
        ExpectedMessages expected = new ExpectedMessages();
        assertNull(expected.headPayload());
        byte[][] payloads = new byte[40][];
        int added = 0;
        int removed = 0;
        // Interleave adds and removes so that the ring wraps before and after it grows.
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 3 + round % 4; i++) {
                payloads[added % payloads.length] = new byte[] {(byte) added};
                expected.add(added % 2 == 0 ? 1 : 2, payloads[added % payloads.length]);
                added++;
            }
            for (int i = 0; i < 2; i++) {
                assertSame(payloads[removed % payloads.length], expected.headPayload());
                assertEquals(removed % 2 == 0 ? 1 : 2, expected.headOpcode());
                expected.removeHead();
                removed++;
            }
            assertEquals(added - removed, expected.size());
        }
        while (expected.size() > 0) {
            assertSame(payloads[removed % payloads.length], expected.headPayload());
            expected.removeHead();
            removed++;
        }
        assertNull(expected.headPayload());
    }
}
