package dev.ferry.benchmarks.servers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What a load server JVM tells the load generator about itself, as plain text, the same for every
 * flavour (the servlet ones through {@link HeapStatsServlet}, Netty through its own handler):
 * <ul>
 * <li>{@code heapUsed=<bytes>}: used heap after full collections ({@link #usedHeapAfterFullGc});
 * <li>{@code alloc=<thread id>:<bytes>,...}: bytes allocated so far by each live thread
 * ({@link #allocationSnapshot}), so that the load generator can compute what the server allocated
 * during a measurement from two snapshots.
 * </ul>
 */
public final class JvmStats {

    private static final int MAX_COLLECTIONS = 5;

    private JvmStats() {
    }

    /** The answer to {@code GET /stats} ({@code query} null) or {@code GET /stats?alloc}. */
    public static String answer(String query) {
        if (query != null && query.startsWith("alloc")) {
            return allocationSnapshot();
        }
        return "heapUsed=" + usedHeapAfterFullGc() + "\n";
    }

    /** Full collections until the used heap stops shrinking; the used heap then. */
    public static long usedHeapAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc(); // a full collection with the default G1 (ExplicitGCInvokesConcurrent is off)
            used = memory.getHeapMemoryUsage().getUsed();
            // Stop once a collection frees less than 1 %: finalizers and soft references have settled.
            if (used > previous - previous / 100) {
                break;
            }
            previous = used;
        }
        return used;
    }

    /**
     * Bytes allocated so far by every live thread, per thread id. Per thread rather than one sum,
     * because a thread that ends takes its count with it: the load generator subtracts snapshot
     * from snapshot thread by thread, counts threads born in between from zero, and reports how
     * many threads ended in between (their allocation since the first snapshot is lost). JDK 17
     * has no total over ended threads (getTotalThreadAllocatedBytes came with JDK 21).
     */
    static String allocationSnapshot() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        StringBuilder sb = new StringBuilder(ids.length * 16 + 8).append("alloc=");
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) { // -1: ended between the two calls
                sb.append(ids[i]).append(':').append(bytes[i]).append(',');
            }
        }
        return sb.append('\n').toString();
    }
}
