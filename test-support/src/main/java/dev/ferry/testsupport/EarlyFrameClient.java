package dev.ferry.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A client that does not wait for the 101: it writes the handshake and a first text frame in one
 * write, so the server reads the frame together with the request. RFC 6455 asks clients to wait,
 * but servers meet such clients, and a server that has read past the request head must pass those
 * bytes on to the WebSocket (on Jetty this takes Ferry's hand-over through Jetty's core API).
 */
public final class EarlyFrameClient {

    /** What came back: the answer's status line, and the text of the first frame after a 101 (else null). */
    public record Answer(String statusLine, String echoed) {
    }

    private EarlyFrameClient() {
    }

    /**
     * @param uri a {@code ws://} address of an echo endpoint
     * @param text at most 125 bytes of UTF-8, so one frame with a one-byte length carries it
     */
    public static Answer sendWithHandshake(URI uri, String text, Duration timeout) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("payload too long for this client: " + payload.length);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
            // Every read waits at most this long; the answer is small, so a few reads suffice.
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(maskedTextFrame(payload));
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();

            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String statusLine = head.substring(0, head.indexOf("\r\n"));
            if (!statusLine.contains(" 101")) {
                return new Answer(statusLine, null);
            }
            int first = in.read();
            int length = in.read();
            if (first != 0x81 || length < 0 || length > 125) {
                throw new IOException("expected one short unmasked text frame, got bytes " + first + ", " + length);
            }
            return new Answer(statusLine, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    /** A final text frame, masked as every client frame must be (here with a fixed key). */
    private static byte[] maskedTextFrame(byte[] payload) {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        // Byte by byte, so that nothing after the blank line is consumed.
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the answer's head: " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
