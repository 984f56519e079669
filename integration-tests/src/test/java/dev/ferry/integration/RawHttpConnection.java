package dev.ferry.integration;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TCP connection on which a test writes HTTP bytes by hand and reads the answer byte by byte,
 * so that it sees exactly what the server sent. Every read has a deadline (SO_TIMEOUT).
 */
public final class RawHttpConnection implements Closeable {

    public static final int READ_TIMEOUT_MILLIS = 5_000;

    /** A response's status line and headers (names compared case-insensitively). */
    public record Head(int status, String statusLine, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(", ", values);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawHttpConnection open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return new RawHttpConnection(socket);
    }

    /** Writes a request head: the request line, {@code Host}, the given header lines, and the blank line. */
    public void sendRequest(String method, String path, int port, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the status line and headers, up to and including the blank line. */
    public Head readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed inside the response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        String[] statusParts = lines[0].split(" ", 3);
        return new Head(Integer.parseInt(statusParts[1]), lines[0], headers);
    }

    /** Reads the body announced by Content-Length (or nothing when there is none). */
    public String readBody(Head head) throws IOException {
        String length = head.header("Content-Length");
        if (length == null) {
            return "";
        }
        return new String(readExactly(Integer.parseInt(length.trim())), StandardCharsets.UTF_8);
    }

    public byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("Connection closed after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    public int read() throws IOException {
        return in.read();
    }

    /**
     * Whether the server sends nothing, and does not close, for the given time (a byte that does
     * come is consumed).
     */
    public boolean nothingArrivesWithin(java.time.Duration quiet) throws IOException {
        int saved = socket.getSoTimeout();
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(saved);
        }
    }

    /** Reads whatever comes until the server closes the connection; fails if it has not within the deadline. */
    public byte[] readUntilClosed(long deadlineMillis) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long end = System.currentTimeMillis() + deadlineMillis;
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketException e) {
                return all.toByteArray(); // a reset also means the server closed it
            } catch (SocketTimeoutException e) {
                n = 0;
            }
            if (n < 0) {
                return all.toByteArray();
            }
            all.write(buffer, 0, n);
            if (System.currentTimeMillis() > end) {
                throw new SocketTimeoutException("The server did not close the connection within "
                        + deadlineMillis + " ms; received " + all.size() + " bytes meanwhile");
            }
        }
    }

    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

}
