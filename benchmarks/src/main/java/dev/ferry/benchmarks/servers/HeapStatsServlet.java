package dev.ferry.benchmarks.servers;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /stats}: runs full garbage collections until the used heap stops shrinking, then
 * answers {@code heapUsed=<bytes>} as plain text; {@code GET /stats?alloc} answers what each
 * thread has allocated so far ({@link JvmStats}). A plain servlet, so that measuring does not go
 * through the WebSocket implementation being measured.
 */
public class HeapStatsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = JvmStats.answer(request.getQueryString()).getBytes(StandardCharsets.US_ASCII);
        response.setContentType("text/plain");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
