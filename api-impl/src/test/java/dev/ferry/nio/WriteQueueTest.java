package dev.ferry.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ferry.transport.Transport;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who completes a write that a caller does on its own thread, also when a close comes meanwhile. */
class WriteQueueTest {

    private static final Transport.WriteCallback IGNORED = new Transport.WriteCallback() {
        @Override
        public void completed() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };

    private static ByteBuffer[] bytes() {
        return new ByteBuffer[] {ByteBuffer.allocate(4)};
    }

    @Test
    void aDirectWriteThatWentOutIsRemovedAndCompletedByTheCaller() {
        WriteQueue queue = new WriteQueue();
        assertEquals(WriteQueue.Offer.WRITE_NOW, queue.offer(bytes(), IGNORED, true));
        assertNull(queue.head(), "the I/O thread must leave a write a caller is doing alone");
        assertEquals(WriteQueue.DirectOutcome.COMPLETED, queue.finishDirect(true));
        assertNull(queue.head());
    }

    @Test
    void aDirectWriteWithBytesLeftStaysForTheIoThread() {
        WriteQueue queue = new WriteQueue();
        ByteBuffer[] buffers = bytes();
        queue.offer(buffers, IGNORED, true);
        assertEquals(WriteQueue.DirectOutcome.LEFT_TO_LOOP, queue.finishDirect(false));
        assertSame(buffers, queue.head().buffers());
    }

    @Test
    void aCloseDuringADirectWriteLeavesThatWriteToTheCaller() {
        WriteQueue queue = new WriteQueue();
        queue.offer(bytes(), IGNORED, true);
        ByteBuffer[] second = bytes();
        assertEquals(WriteQueue.Offer.QUEUED, queue.offer(second, IGNORED, true));
        List<WriteQueue.PendingWrite> unwritten = queue.close();
        assertEquals(1, unwritten.size(), "only the write nobody is doing is failed by the close");
        assertSame(second, unwritten.get(0).buffers());
        // Its bytes went out before the close: completed, not failed.
        assertEquals(WriteQueue.DirectOutcome.COMPLETED, queue.finishDirect(true));
    }

    @Test
    void aDirectWriteCutShortByACloseFails() {
        WriteQueue queue = new WriteQueue();
        queue.offer(bytes(), IGNORED, true);
        assertEquals(0, queue.close().size());
        assertEquals(WriteQueue.DirectOutcome.FAILED, queue.finishDirect(false));
        assertEquals(WriteQueue.Offer.REFUSED, queue.offer(bytes(), IGNORED, true));
    }
}
