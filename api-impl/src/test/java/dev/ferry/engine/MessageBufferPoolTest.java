package dev.ferry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageBufferPoolTest {

    private static final int KIB = 1024;

    @Test
    void arraysComeInPowerOfTwoClassesFrom64KiB() {
        MessageBufferPool pool = new MessageBufferPool(16 << 20);
        assertEquals(64 * KIB, pool.take(64 * KIB).length);
        assertEquals(128 * KIB, pool.take(64 * KIB + 1).length);
        assertEquals(1 << 20, pool.take(1 << 20).length);
        assertEquals(2 << 20, pool.take((1 << 20) + 1).length);
        assertFalse(pool.serves(64 * KIB - 1), "small messages are allocated exactly");
        assertThrows(IllegalArgumentException.class, () -> pool.take(1000));
    }

    @Test
    void anArrayGivenBackIsTakenAgainForAnyMessageOfItsClass() {
        MessageBufferPool pool = new MessageBufferPool(16 << 20);
        byte[] first = pool.take(600 * KIB);
        pool.give(first);
        assertEquals(1 << 20, pool.pooledBytes());
        assertSame(first, pool.take(1 << 20));
        assertEquals(0, pool.pooledBytes());
        assertNotSame(first, pool.take(1 << 20), "taken once, it is no longer in the pool");
    }

    @Test
    void thePoolKeepsNoMoreThanItsLimit() {
        MessageBufferPool pool = new MessageBufferPool(2 << 20);
        byte[] a = pool.take(1 << 20);
        byte[] b = pool.take(1 << 20);
        byte[] c = pool.take(1 << 20);
        pool.give(a);
        pool.give(b);
        pool.give(c); // over the limit: left to the collector
        assertEquals(2 << 20, pool.pooledBytes());
        assertSame(b, pool.take(1 << 20));
        assertSame(a, pool.take(1 << 20));
        assertEquals(0, pool.pooledBytes());
    }

    @Test
    void arraysThatAreNotOfAClassAreNotKept() {
        MessageBufferPool pool = new MessageBufferPool(16 << 20);
        pool.give(new byte[100 * KIB]);
        pool.give(new byte[32 * KIB]);
        assertEquals(0, pool.pooledBytes());
    }

    @Test
    void aPoolOfNothingServesNoSize() {
        MessageBufferPool none = new MessageBufferPool(0);
        assertFalse(none.serves(1 << 20));
        assertTrue(new MessageBufferPool(1).serves(1 << 20));
    }
}
