package dev.ferry.client;

import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Masker;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.handshake.AcceptKey;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The server's end of one test connection: hand-made handshake, then frames. */
final class Peer {

    /** The request line and headers the client sent. */
    record Request(String requestLine, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(", ", values);
        }
    }

    /** One frame as the client sent it, payload unmasked. */
    record Frame(boolean fin, int opcode, boolean masked, int maskKey, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    Peer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    Request readRequest() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The client closed before its request ended");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Request(lines[0], headers);
    }

    /** A correct 101 answer to {@code request}, plus {@code extraHeaders} ("Name: value" each). */
    static byte[] switchingProtocols(Request request, String... extraHeaders) {
        StringBuilder response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(AcceptKey.compute(request.header("Sec-WebSocket-Key")))
                .append("\r\n");
        for (String header : extraHeaders) {
            response.append(header).append("\r\n");
        }
        return response.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads the request and accepts it. */
    Request handshake(String... extraHeaders) throws IOException {
        Request request = readRequest();
        send(switchingProtocols(request, extraHeaders));
        return request;
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    static byte[] frame(int opcode, byte[] payload) {
        return bytes(FrameWriter.encode(true, 0, opcode, ByteBuffer.wrap(payload), false, 0));
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }

    void sendText(String text) throws IOException {
        send(frame(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8)));
    }

    void sendClose(int code, String reason) throws IOException {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(2 + r.length).putShort((short) code).put(r).flip();
        send(bytes(FrameWriter.encode(true, 0, Opcode.CLOSE, payload, false, 0)));
    }

    Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        int key = masked ? in.readInt() : 0;
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        if (masked) {
            Masker.mask(ByteBuffer.wrap(payload), 0, payload.length, key, 0);
        }
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, masked, key, payload);
    }

    /**
     * Echoes data frames (unmasked, as a server must) until the client's close frame, which it
     * answers with the same code and returns. Every received frame goes to {@code received}.
     */
    Frame echoUntilClose(List<Frame> received) throws IOException {
        while (true) {
            Frame frame = readFrame();
            received.add(frame);
            if (frame.opcode() == Opcode.CLOSE) {
                sendClose(frame.closeCode(), "");
                return frame;
            }
            if (frame.opcode() == Opcode.TEXT || frame.opcode() == Opcode.BINARY) {
                send(frame(frame.opcode(), frame.payload()));
            }
        }
    }

    /** Whether the client closed the connection within the socket's read timeout. */
    boolean clientClosedTcp() throws IOException {
        try {
            InputStream raw = socket.getInputStream();
            byte[] sink = new byte[4096];
            while (true) {
                if (raw.read(sink) < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: closed as well
        }
    }
}
