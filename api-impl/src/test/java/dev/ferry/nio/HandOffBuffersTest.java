package dev.ferry.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Large reads travel in buffers that come back; small ones in buffers of their own size. */
class HandOffBuffersTest {

    private static ByteBuffer bytes(int n, int value) {
        ByteBuffer b = ByteBuffer.allocate(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (value + i));
        }
        return b.flip();
    }

    @Test
    void aLargeReadsBufferIsReusedOnceGivenBackWithTheNewBytes() {
        HandOffBuffers buffers = new HandOffBuffers(65536, 4);
        ByteBuffer read = bytes(30_000, 1);
        ByteBuffer first = buffers.copyOf(read);
        assertEquals(0, read.remaining(), "the read is consumed");
        assertEquals(30_000, first.remaining());
        assertEquals(65536, first.capacity());
        buffers.giveBack(first);
        ByteBuffer second = buffers.copyOf(bytes(5_000, 7));
        assertSame(first, second, "no new buffer for the next large read");
        assertEquals(5_000, second.remaining());
        assertEquals((byte) 7, second.get(0));
        assertEquals((byte) (7 + 4_999), second.get(4_999));
    }

    @Test
    void smallReadsGetExactBuffersThatAreNotKept() {
        HandOffBuffers buffers = new HandOffBuffers(65536, 4);
        ByteBuffer small = buffers.copyOf(bytes(64, 3));
        assertEquals(64, small.capacity());
        buffers.giveBack(small);
        assertNotSame(small, buffers.copyOf(bytes(64, 3)));
    }

    @Test
    void atMostMaxFreeBuffersAreKept() {
        HandOffBuffers buffers = new HandOffBuffers(8192, 1);
        ByteBuffer a = buffers.copyOf(bytes(5000, 0));
        ByteBuffer b = buffers.copyOf(bytes(5000, 0));
        buffers.giveBack(a);
        buffers.giveBack(b);
        assertSame(a, buffers.copyOf(bytes(5000, 0)));
        assertEquals(8192, buffers.copyOf(bytes(5000, 0)).capacity(), "b was dropped: a new one is made");
    }
}
