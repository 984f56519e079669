package dev.ferry.benchmarks.servers;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /stats}: runs full garbage collections until the used heap stops shrinking, then
 * answers {@code heapUsed=<bytes>} as plain text. A plain servlet, so that measuring does not go
 * through the WebSocket implementation being measured.
 */
public class HeapStatsServlet extends HttpServlet {

    private static final int MAX_COLLECTIONS = 5;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long used = usedHeapAfterFullGc();
        byte[] body = ("heapUsed=" + used + "\n").getBytes(StandardCharsets.US_ASCII);
        response.setContentType("text/plain");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static long usedHeapAfterFullGc() {
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
}
