package dev.ferry.engine.deflate;

import dev.ferry.engine.frame.WebSocketException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates compressed messages as their frames arrive, in pieces of at most {@value #PIECE}
 * bytes: a message is never inflated whole, so a caller that counts the pieces against its limit
 * stops a compression bomb after at most one piece past the limit.
 */
public final class MessageInflater {

    private static final int PIECE = 16 * 1024;
    /**
     * The first piece of a message's inflation; it grows (x4) up to {@value #PIECE} while pieces
     * come out full. Without context takeover the state is taken per message, and most messages
     * are small: a 16 KiB array for each would be most of what inflating them allocates.
     */
    private static final int FIRST_PIECE = 1024;
    /** RFC 7692 section 7.2.2: the sender removed this; the receiver appends it to each message. */
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final ZlibPool pool;
    private final boolean resetAfterMessage;
    private Inflater inflater;
    private byte[] piece;

    /**
     * @param resetAfterMessage the peer compresses without context takeover: each message
     *                          starts afresh, so the zlib state goes back to the pool in between
     */
    public MessageInflater(ZlibPool pool, boolean resetAfterMessage) {
        this.pool = pool;
        this.resetAfterMessage = resetAfterMessage;
    }

    /** Inflates all of {@code compressed}, handing each inflated piece to {@code out}. */
    public synchronized void inflate(ByteBuffer compressed, Consumer<ByteBuffer> out) {
        if (inflater == null) {
            inflater = resetAfterMessage ? pool.takeInflater() : new Inflater(true);
            piece = new byte[FIRST_PIECE];
        }
        inflater.setInput(compressed);
        drain(out);
        compressed.position(compressed.limit());
    }

    /** Ends the message: inflates what the sync-flush tail releases and resets if so agreed. */
    public synchronized void endOfMessage(Consumer<ByteBuffer> out) {
        inflate(ByteBuffer.wrap(TAIL), out);
        if (resetAfterMessage) {
            release();
        }
    }

    private void drain(Consumer<ByteBuffer> out) {
        try {
            while (true) {
                int n = inflater.inflate(piece);
                if (n > 0) {
                    out.accept(ByteBuffer.wrap(piece, 0, n));
                    if (n == piece.length && piece.length < PIECE) {
                        piece = new byte[Math.min(PIECE, piece.length * 4)];
                    }
                }
                if (inflater.finished()) {
                    // The peer ended its deflate stream (BFINAL): the next message starts a new one.
                    int left = inflater.getRemaining();
                    inflater.reset();
                    if (left > 0) {
                        throw WebSocketException.invalidPayload("Compressed data continues after the end of the deflate stream");
                    }
                    return;
                }
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return;
                }
            }
        } catch (DataFormatException e) {
            throw WebSocketException.invalidPayload("Invalid compressed data: " + e.getMessage());
        }
    }

    /** Returns the zlib state (the connection ended, or the message did without context takeover). */
    public synchronized void release() {
        if (inflater != null) {
            if (resetAfterMessage) {
                pool.giveBack(inflater);
            } else {
                inflater.end();
            }
            inflater = null;
            piece = null;
        }
    }
}
