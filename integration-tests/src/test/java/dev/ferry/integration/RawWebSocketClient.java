package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written for breaking the rules: it does the handshake, then writes whatever
 * frames a test builds (masked or not, any opcode and RSV bits) and reads the server's frames.
 */
final class RawWebSocketClient implements Closeable {

    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CONTINUATION = 0;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    /** A frame the server sent. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private final RawHttpConnection connection;

    private RawWebSocketClient(RawHttpConnection connection) {
        this.connection = connection;
    }

    /** Connects and completes the handshake, checking the 101 and its Sec-WebSocket-Accept. */
    static RawWebSocketClient connect(int port, String path) throws IOException {
        RawHttpConnection c = RawHttpConnection.open(port);
        String key = newKey();
        c.sendRequest("GET", path, port, "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13");
        RawHttpConnection.Head head = c.readHead();
        assertEquals(101, head.status(), head.statusLine());
        assertEquals(acceptFor(key), head.header("Sec-WebSocket-Accept"));
        return new RawWebSocketClient(c);
    }

    static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one frame; {@code rsv} holds the three RSV bits (4 = RSV1). */
    void sendFrame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(maskBit | 127);
            frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] key = new byte[4];
            ThreadLocalRandom.current().nextBytes(key);
            frame.writeBytes(key);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= key[i % 4];
            }
        }
        frame.writeBytes(body);
        connection.write(frame.toByteArray());
    }

    void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        sendFrame(fin, 0, opcode, payload, true);
    }

    static byte[] closePayload(int code, byte[] reason) {
        return ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
    }

    Frame readFrame() throws IOException {
        byte[] header = connection.readExactly(2);
        boolean fin = (header[0] & 0x80) != 0;
        int rsv = (header[0] >> 4) & 0x7;
        int opcode = header[0] & 0x0F;
        boolean masked = (header[1] & 0x80) != 0;
        long length = header[1] & 0x7F;
        if (length == 126) {
            length = ByteBuffer.wrap(connection.readExactly(2)).getShort() & 0xFFFF;
        } else if (length == 127) {
            length = ByteBuffer.wrap(connection.readExactly(8)).getLong();
        }
        byte[] key = masked ? connection.readExactly(4) : null;
        byte[] payload = connection.readExactly(Math.toIntExact(length));
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i % 4];
            }
        }
        return new Frame(fin, rsv, opcode, payload);
    }

    /** Reads frames until a close frame comes, and returns it. */
    Frame readUntilClose() throws IOException {
        for (int i = 0; i < 1000; i++) {
            Frame frame = readFrame();
            if (frame.opcode() == CLOSE) {
                return frame;
            }
        }
        throw new AssertionError("No close frame among the first 1000 frames");
    }

    /** Asserts that the server closes TCP within the deadline and sends nothing more. */
    void assertServerClosesConnection(long deadlineMillis) throws IOException {
        byte[] more = connection.readUntilClosed(deadlineMillis);
        assertEquals(0, more.length, "bytes after the close frame");
    }

    /** Writes bytes as they are, e.g. half a frame. */
    void writeRaw(byte[] bytes) throws IOException {
        connection.write(bytes);
    }

    /** Drops the connection with a TCP reset, as a killed client would. */
    void kill() throws IOException {
        connection.socket().setSoLinger(true, 0);
        connection.close();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
