package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a load server for its used heap after a full GC ({@code GET /stats}), over plain HTTP/1.1. */
final class HeapStatsClient {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** Full collections of a heap holding thousands of connections take a while. */
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final Pattern HEAP_USED = Pattern.compile("heapUsed=(\\d+)");

    private HeapStatsClient() {
    }

    static long usedHeapAfterGc(InetSocketAddress server) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /stats HTTP/1.1\r\nHost: " + server.getAddress().getHostAddress() + ":"
                    + server.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher m = HEAP_USED.matcher(response);
            if (!response.startsWith("HTTP/1.1 200") || !m.find()) {
                throw new IOException("Unexpected /stats response: " + response.lines().findFirst().orElse(""));
            }
            return Long.parseLong(m.group(1));
        }
    }
}
