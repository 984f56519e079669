package dev.ferry.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PendingReleasesTest {

    /** Every instance equals every other: the registry must still tell them apart. */
    static final class AllEqual {
        @Override
        public boolean equals(Object other) {
            return other instanceof AllEqual;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    private record Counted<T>(T get, AtomicInteger releases) implements EndpointInstance<T> {
        @Override
        public boolean needsRelease() {
            return true;
        }

        @Override
        public void release() {
            releases.incrementAndGet();
        }
    }

    private final PendingReleases pending = new PendingReleases();

    @Test
    void instancesAreTakenBackByIdentityOnlyOnce() {
        Counted<AllEqual> first = new Counted<>(new AllEqual(), new AtomicInteger());
        Counted<AllEqual> second = new Counted<>(new AllEqual(), new AtomicInteger());
        AllEqual a = pending.handOut(first);
        AllEqual b = pending.handOut(second);

        assertSame(second, pending.take(b));
        assertSame(first, pending.take(a));
        assertNull(pending.take(a), "a release is handed over once");
        assertEquals(0, pending.size());
    }

    @Test
    void plainInstancesAreNotKept() throws Exception {
        String made = pending.handOut(EndpointInstanceFactory.reflective().create(String.class));
        assertEquals("", made);
        assertEquals(0, pending.size());
        assertNull(pending.take(made));
        assertNull(pending.take(null));
    }
}
