package dev.ferry.engine;

import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One whole text or binary frame, header and payload, encoded once to be written as it is on many
 * server connections (a broadcast). Every connection writes from a view of its own over the same
 * bytes, which nothing changes, so a frame queued on ten thousand connections costs its bytes
 * once. A server's frames are unmasked and so the same for every peer; a client masks each frame
 * with a fresh key, so client connections refuse shared frames.
 */
public final class SharedFrame {

    private final ByteBuffer bytes;
    private final int rsv;

    private SharedFrame(ByteBuffer bytes, int rsv) {
        this.bytes = bytes;
        this.rsv = rsv;
    }

    /**
     * A final frame of {@code opcode} ({@link Opcode#TEXT} or {@link Opcode#BINARY}) with the bytes
     * between {@code payload}'s position and limit, copied; {@code payload} is left unchanged.
     *
     * @param rsv the RSV bits an extension set ({@code PerMessageDeflate.RSV} for a compressed
     *            message), 0 otherwise
     */
    public static SharedFrame of(int opcode, int rsv, ByteBuffer payload) {
        if (opcode != Opcode.TEXT && opcode != Opcode.BINARY) {
            throw new IllegalArgumentException("A shared frame is a whole text or binary message, not opcode " + opcode);
        }
        return new SharedFrame(FrameWriter.encode(true, rsv, opcode, payload, false, 0), rsv);
    }

    public int rsv() {
        return rsv;
    }

    /** Bytes on the wire, header included. */
    public int size() {
        return bytes.remaining();
    }

    /**
     * Queues this frame on {@code connection} (a server's), as a send nobody waits for.
     *
     * @param defer leave it unwritten until {@link #flushQueued} or the connection's next send, so
     *              that a broadcast queues its message everywhere before it writes anywhere
     * @return false when more than the connection's outbound limit already waits (its peer is not
     *         reading): nothing is queued and {@code callback} is not called. A closed connection
     *         fails {@code callback} instead.
     */
    public boolean queueOn(WebSocketConnection connection, SendCallback callback, boolean defer) {
        if (!connection.isOpen()) {
            callback.done(new IOException("The WebSocket session is closed; nothing more can be sent"));
            return true;
        }
        if (connection.sender.isOverLimit()) {
            return false;
        }
        connection.timers.touch();
        connection.counters.messageSent();
        connection.sender.sendShared(this, callback, defer);
        return true;
    }

    /** Writes the frames deferred on {@code connection}, unless a write is in flight (its completion writes them). */
    public static void flushQueued(WebSocketConnection connection) {
        connection.sender.flushHeld();
    }

    /** The frame's bytes for one connection to write: its own position and limit, the shared content. */
    ByteBuffer view() {
        return bytes.duplicate();
    }
}
