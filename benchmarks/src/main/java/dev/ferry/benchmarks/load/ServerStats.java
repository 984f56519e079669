package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Asks a load server about itself over plain HTTP/1.1 ({@code GET /stats}): its used heap after a
 * full GC, or what each of its threads has allocated so far ({@code /stats?alloc}, JVM servers
 * only). A new connection per question, closed by the server.
 */
final class ServerStats {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** Full collections of a heap holding thousands of connections take a while. */
    private static final int READ_TIMEOUT_MS = 120_000;

    private ServerStats() {
    }

    /** Bytes allocated so far per thread id; {@code null} if the server cannot tell (Bun). */
    static Map<Long, Long> allocatedPerThread(InetSocketAddress server) throws IOException {
        String body = get(server, "/stats?alloc");
        int at = body.indexOf("alloc=");
        if (at < 0) {
            return null;
        }
        Map<Long, Long> perThread = new HashMap<>();
        String list = body.substring(at + "alloc=".length()).trim();
        for (String entry : list.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                perThread.put(Long.parseLong(entry.substring(0, colon)), Long.parseLong(entry.substring(colon + 1)));
            }
        }
        return perThread;
    }

    /** The body of a {@code GET} that must answer 200. */
    static String get(InetSocketAddress server, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + server.getAddress().getHostAddress() + ":"
                    + server.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new IOException("Unexpected " + path + " response: " + response.lines().findFirst().orElse(""));
            }
            int bodyStart = response.indexOf("\r\n\r\n");
            return bodyStart < 0 ? "" : response.substring(bodyStart + 4);
        }
    }
}
