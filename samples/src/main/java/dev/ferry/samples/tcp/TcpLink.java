package dev.ferry.samples.tcp;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One WebSocket session joined to one TCP connection. {@link #run} (on a bridge thread) connects
 * and then copies TCP to WebSocket; {@link #toTcp} (on the thread that delivers WebSocket
 * messages) copies the other way. Whichever side ends first ends the other.
 */
final class TcpLink implements Runnable {

    /** 1014 Bad Gateway (RFC 6455's IANA registry): the server, acting as a gateway, could not reach its upstream. */
    static final CloseReason.CloseCode BAD_GATEWAY = CloseReason.CloseCodes.getCloseCode(1014);

    private static final int READ_BUFFER = 16 * 1024;

    private final Session session;
    private final Framing framing;
    private final TcpTarget target;
    private final int connectTimeoutMillis;
    /** The connected socket; fails when connecting failed or the session closed first. */
    private final CompletableFuture<Socket> socket = new CompletableFuture<>();

    TcpLink(Session session, Framing framing, TcpTarget target, int connectTimeoutMillis) {
        this.session = session;
        this.framing = framing;
        this.target = target;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public void run() {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // interactive protocols (VNC, SSH) want every keystroke at once
            s.connect(target.address(), connectTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            socket.completeExceptionally(e);
            closeSession(BAD_GATEWAY, "Cannot reach the TCP service: " + e.getMessage());
            return;
        }
        if (!socket.complete(s)) {
            closeQuietly(s); // the WebSocket closed while we were connecting
            return;
        }
        try (s) {
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[READ_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    framing.send(session.getBasicRemote(), buffer, n);
                }
            }
            closeSession(CloseReason.CloseCodes.NORMAL_CLOSURE, "The TCP service closed the connection");
        } catch (IOException | RuntimeException e) {
            // Also how the loop ends when the WebSocket closed and close() shut the socket.
            closeSession(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "TCP connection failed: " + e.getMessage());
        }
    }

    /**
     * Writes bytes from the client to TCP. Blocking here holds back the client's next message,
     * which is the backpressure we want when the TCP service reads slowly. Waits for the connect
     * only when the client speaks before it completed.
     */
    void toTcp(byte[] bytes) {
        Socket s;
        try {
            s = socket.get(connectTimeoutMillis + 1000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return; // run() closes the session with the reason
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            s.getOutputStream().write(bytes);
        } catch (IOException e) {
            closeSession(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "TCP connection failed: " + e.getMessage());
        }
    }

    /** The WebSocket side ended: end the TCP side, which also ends {@link #run}'s read. */
    void close() {
        if (!socket.completeExceptionally(new IOException("The WebSocket session closed"))
                && !socket.isCompletedExceptionally()) {
            closeQuietly(socket.join());
        }
    }

    void closeSession(CloseReason.CloseCode code, String reason) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(new CloseReason(code, fit(reason)));
        } catch (IOException | IllegalStateException e) {
            // It closed meanwhile.
        }
    }

    /** A close reason may have at most 123 bytes of UTF-8; exception messages can be longer. */
    static String fit(String reason) {
        String r = reason == null ? "" : reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.offsetByCodePoints(r.length(), -1)); // drop the last code point
        }
        return r;
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            // Nothing to do: it is gone either way.
        }
    }
}
