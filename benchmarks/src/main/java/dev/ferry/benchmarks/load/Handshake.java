package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

/** The client's half of the RFC 6455 opening handshake: the request, and the checks on the response. */
final class Handshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String expectedAccept;
    private final byte[] request;

    Handshake(String hostPort, String path, SplittableRandom random) {
        byte[] nonce = new byte[16];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) random.nextInt(256);
        }
        String key = Base64.getEncoder().encodeToString(nonce);
        expectedAccept = acceptFor(key);
        request = ("GET " + path + " HTTP/1.1\r\n"
                + "Host: " + hostPort + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] request() {
        return request;
    }

    /** Checks a complete response head (status line and headers, without the blank line). */
    void verifyResponse(String head) throws IOException {
        String[] lines = head.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new IOException("Handshake refused: " + lines[0]);
        }
        String accept = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("sec-websocket-accept")) {
                accept = value;
            } else if (name.equals("sec-websocket-extensions") && !value.isEmpty()) {
                throw new IOException("Server accepted an extension none was offered: " + value);
            }
        }
        if (!expectedAccept.equals(accept)) {
            throw new IOException("Wrong Sec-WebSocket-Accept: " + accept + ", expected " + expectedAccept);
        }
    }

    static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }
}
