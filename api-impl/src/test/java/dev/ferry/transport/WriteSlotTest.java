package dev.ferry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one write a transport has in flight: who completes it, who fails it, and when a close happens. */
@Timeout(60)
class WriteSlotTest {

    /** Records how a write ended; fails the test if it ends twice. */
    static final class Outcome implements Transport.WriteCallback {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean completed;
        volatile Throwable failure;
        Runnable onCompleted = () -> { };

        @Override
        public void completed() {
            completed = true;
            calls.incrementAndGet();
            onCompleted.run();
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
            calls.incrementAndGet();
        }
    }

    private static ByteBuffer[] bytes(int n) {
        return new ByteBuffer[] {ByteBuffer.allocate(n)};
    }

    @Test
    void aWriteIsClaimedMovedAndCompletedOnceThenTheSlotIsFree() {
        WriteSlot slot = new WriteSlot();
        Outcome done = new Outcome();
        ByteBuffer[] buffers = bytes(8);
        assertTrue(slot.offer(buffers, done));
        assertTrue(slot.hasUnclaimedWrite());
        assertSame(buffers, slot.claim());
        assertNull(slot.claim(), "a claimed write belongs to one thread");
        assertFalse(slot.hasUnclaimedWrite());
        buffers[0].position(8);
        assertEquals(WriteSlot.Release.WRITTEN, slot.release(true));
        assertTrue(done.completed);
        assertEquals(1, done.calls.get());
        assertTrue(slot.offer(bytes(1), new Outcome()), "the slot takes the next write");
    }

    @Test
    void aSecondWriteWhileOneIsInFlightBreaksTheContract() {
        WriteSlot slot = new WriteSlot();
        slot.offer(bytes(1), new Outcome());
        assertThrows(IllegalStateException.class, () -> slot.offer(bytes(1), new Outcome()));
    }

    @Test
    void anUnfinishedWriteStaysForTheNextClaimWithItsBuffersWhereTheyWere() {
        WriteSlot slot = new WriteSlot();
        Outcome done = new Outcome();
        ByteBuffer[] buffers = bytes(10);
        slot.offer(buffers, done);
        slot.claim()[0].position(4);
        assertEquals(WriteSlot.Release.UNFINISHED, slot.release(false));
        assertEquals(0, done.calls.get());
        ByteBuffer[] again = slot.claim();
        assertSame(buffers, again);
        assertEquals(4, again[0].position());
    }

    @Test
    void theNextWriteMayBeOfferedFromInsideTheCompletion() {
        WriteSlot slot = new WriteSlot();
        Outcome first = new Outcome();
        Outcome second = new Outcome();
        first.onCompleted = () -> assertTrue(slot.offer(bytes(1), second), "the slot was free when the callback ran");
        slot.offer(bytes(1), first);
        slot.claim();
        slot.release(true);
        assertTrue(first.completed);
        assertNotNull(slot.claim(), "the write offered from the callback waits to be moved");
    }

    @Test
    void aCloseFailsAWriteNobodyIsMovingAndRefusesLaterOnes() {
        WriteSlot slot = new WriteSlot();
        Outcome waiting = new Outcome();
        slot.offer(bytes(1), waiting);
        IOException cause = new IOException("peer vanished");
        assertTrue(slot.close(cause));
        assertFalse(slot.close(cause), "closing twice does nothing");
        assertSame(cause, waiting.failure);
        Outcome late = new Outcome();
        assertFalse(slot.offer(bytes(1), late));
        assertSame(cause, late.failure);
        assertNull(slot.claim());
    }

    @Test
    void aCloseWhileAThreadMovesTheBytesLeavesTheOutcomeToThatThread() {
        WriteSlot slot = new WriteSlot();
        Outcome wentOut = new Outcome();
        slot.offer(bytes(1), wentOut);
        slot.claim();
        slot.close(new IOException("closed"));
        assertEquals(0, wentOut.calls.get(), "the close must not fail a write under its writer's feet");
        assertEquals(WriteSlot.Release.WRITTEN, slot.release(true), "its bytes went out: completed, not failed");
        assertTrue(wentOut.completed);

        WriteSlot other = new WriteSlot();
        Outcome cutShort = new Outcome();
        other.offer(bytes(1), cutShort);
        other.claim();
        other.close(new IOException("closed"));
        assertEquals(WriteSlot.Release.FAILED, other.release(false));
        assertNotNull(cutShort.failure);
        assertEquals(1, cutShort.calls.get());
    }

    @Test
    void aGracefulCloseWaitsForTheWriteInFlightAndRefusesNewOnes() {
        WriteSlot slot = new WriteSlot();
        slot.offer(bytes(1), new Outcome());
        assertTrue(slot.requestClose());
        assertFalse(slot.requestClose(), "asked once");
        assertFalse(slot.isDrainedForClose(), "a write is still in flight");
        Outcome refused = new Outcome();
        assertFalse(slot.offer(bytes(1), refused));
        assertNotNull(refused.failure);
        slot.claim();
        slot.release(true);
        assertTrue(slot.isDrainedForClose());
        slot.close(null);
        assertFalse(slot.isDrainedForClose(), "closed: nothing left to drain");
    }

    /**
     * A sender that offers each write from the last one's completion, a mover and a second mover
     * that race to claim and move bytes a few at a time, and a closer that closes at a random moment:
     * every write must end exactly once, a completed one with every byte moved, and none may be
     * moved by two threads at once.
     */
    @Test
    void underConcurrencyEveryWriteEndsExactlyOnceAndIsMovedByOneThreadAtATime() throws Exception {
        SplittableRandom seeds = new SplittableRandom(42);
        for (int round = 0; round < 300; round++) {
            runRound(seeds.split());
        }
    }

    private static void runRound(SplittableRandom random) throws Exception {
        WriteSlot slot = new WriteSlot();
        List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<ByteBuffer[]> offered = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger moving = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int writes = 50;
        CountDownLatch stop = new CountDownLatch(1);

        Runnable[] offerNext = new Runnable[1];
        offerNext[0] = () -> {
            if (offered.size() >= writes) {
                stop.countDown();
                return;
            }
            Outcome outcome = new Outcome();
            outcome.onCompleted = offerNext[0];
            ByteBuffer[] buffers = {ByteBuffer.allocate(1 + offered.size() % 7), ByteBuffer.allocate(3)};
            offered.add(buffers);
            outcomes.add(outcome);
            if (!slot.offer(buffers, outcome)) {
                stop.countDown();
            }
        };
        int closeAfter = random.nextInt(writes * 3);
        Runnable mover = () -> {
            int steps = 0;
            while (stop.getCount() > 0) {
                ByteBuffer[] claimed = slot.claim();
                if (claimed == null) {
                    Thread.onSpinWait();
                    continue;
                }
                if (moving.incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                for (ByteBuffer b : claimed) {
                    if (b.hasRemaining()) {
                        b.position(b.position() + 1); // one byte per step: many partial releases
                        break;
                    }
                }
                moving.decrementAndGet();
                slot.release(WriteSlot.isEmpty(claimed));
                if (++steps == closeAfter) {
                    slot.close(new IOException("closed mid-stream"));
                }
            }
        };
        offerNext[0].run();
        Thread a = new Thread(mover, "mover-a");
        Thread b = new Thread(mover, "mover-b");
        Thread closer = new Thread(() -> {
            for (int i = 0; i < closeAfter; i++) {
                Thread.onSpinWait();
            }
            slot.close(new IOException("closed by another thread"));
            stop.countDown();
        }, "closer");
        a.start();
        b.start();
        closer.start();
        assertTrue(stop.await(20, TimeUnit.SECONDS), "the round never ended");
        for (Thread t : List.of(a, b, closer)) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " is stuck");
        }
        slot.close(new IOException("end of round"));
        assertEquals(0, overlaps.get(), "two threads moved one write's bytes at once");
        synchronized (outcomes) {
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                assertEquals(1, o.calls.get(), "write " + i + " ended " + o.calls.get() + " times");
                if (o.completed) {
                    assertTrue(WriteSlot.isEmpty(offered.get(i)), "write " + i + " completed with bytes left");
                }
            }
        }
    }
}
