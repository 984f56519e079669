package dev.ferry.client;

import dev.ferry.nio.NioTransport;
import dev.ferry.transport.TransportListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Listens to a new connection until the server's answer to the opening handshake is complete,
 * on the I/O thread. It then holds reading and gives the bytes that came after the answer
 * (the first WebSocket frames, if the server was quick) back to the transport for the session.
 */
final class HandshakeResponseReader implements TransportListener {

    private final ResponseHeadParser parser = new ResponseHeadParser();
    private final CompletableFuture<HttpResponseHead> response = new CompletableFuture<>();
    private NioTransport transport;

    /** Set right after the transport is created, before it can deliver anything. */
    void attach(NioTransport transport) {
        this.transport = transport;
    }

    /** Completes with the response head, or fails with the reason the connection ended. */
    CompletableFuture<HttpResponseHead> response() {
        return response;
    }

    @Override
    public void onData(ByteBuffer data) {
        if (response.isDone()) {
            data.position(data.limit());
            return;
        }
        try {
            HttpResponseHead head = parser.feed(data);
            if (head != null) {
                // A copy: the transport reuses its read buffer.
                transport.holdUntilStart(ByteBuffer.allocate(data.remaining()).put(data).flip());
                response.complete(head);
            }
        } catch (IOException e) {
            response.completeExceptionally(e);
            transport.close(true);
        } finally {
            data.position(data.limit());
        }
    }

    @Override
    public void onEndOfInput(Throwable failureOrNull) {
        response.completeExceptionally(failureOrNull != null ? failureOrNull
                : new IOException("The server closed the connection without answering the WebSocket handshake"));
        transport.close(true);
    }

    @Override
    public void onClosed() {
        response.completeExceptionally(new IOException("The connection closed before the handshake completed"));
    }
}
