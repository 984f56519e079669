package dev.ferry.client;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the HTTP response head from bytes arriving in any pieces, up to the blank line that
 * ends it, and never more than {@link #MAX_HEAD_BYTES}: a server that sends endless headers
 * must not make the client buffer them.
 */
final class ResponseHeadParser {

    static final int MAX_HEAD_BYTES = 16 * 1024;

    private final byte[] head = new byte[MAX_HEAD_BYTES];
    private int length;

    /**
     * Consumes bytes of {@code in} up to the end of the head; what follows it stays in {@code in}.
     *
     * @return the head once complete, else {@code null} (all of {@code in} was consumed)
     * @throws ProtocolException when the head is too long or malformed
     */
    HttpResponseHead feed(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            if (length == MAX_HEAD_BYTES) {
                throw new ProtocolException("The handshake response headers exceed " + MAX_HEAD_BYTES
                        + " bytes; is this a WebSocket server?");
            }
            byte b = in.get();
            head[length++] = b;
            if (b == '\n' && endsWithBlankLine()) {
                return parse(new String(head, 0, length, StandardCharsets.ISO_8859_1));
            }
        }
        return null;
    }

    /** CRLF CRLF, or bare LF LF which lenient servers send. */
    private boolean endsWithBlankLine() {
        return length >= 2 && head[length - 2] == '\n'
                || length >= 4 && head[length - 2] == '\r' && head[length - 3] == '\n' && head[length - 4] == '\r';
    }

    private static HttpResponseHead parse(String text) throws ProtocolException {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        String statusLine = lines.get(0);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
            throw new ProtocolException("Malformed HTTP status line in the handshake response: "
                    + printable(statusLine));
        }
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length == 3 ? parts[2] : "";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String lastName = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                // Obsolete line folding: the line continues the previous header's last value.
                List<String> values = headers.get(lastName);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("Malformed header line in the handshake response: " + printable(line));
            }
            String name = line.substring(0, colon).trim();
            String key = headers.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            lastName = key;
        }
        return new HttpResponseHead(status, reason, headers);
    }

    /** Server text cut short and stripped of control characters before it goes into a message. */
    static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return "\"" + cut.replaceAll("[\\p{Cntrl}]", "?") + "\"";
    }
}
