package dev.ferry.engine.deflate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses outgoing messages (or their parts) with a sync flush after each, removing the
 * 4-byte sync-flush tail at the end of a message as RFC 7692 section 7.2.1 requires.
 */
public final class MessageDeflater {

    private final ZlibPool pool;
    private final boolean resetAfterMessage;
    private Deflater deflater;

    /** @param resetAfterMessage this side agreed to no context takeover */
    public MessageDeflater(ZlibPool pool, boolean resetAfterMessage) {
        this.pool = pool;
        this.resetAfterMessage = resetAfterMessage;
    }

    /**
     * Whether every message is compressed afresh (no context takeover on this side): then a message
     * compressed once elsewhere, the same way, is what this deflater would have sent too.
     */
    public boolean resetsAfterMessage() {
        return resetAfterMessage;
    }

    /**
     * Compresses {@code data} (position to limit; the buffer is not changed) as the next part of
     * the current message and returns the compressed bytes.
     */
    public synchronized ByteBuffer deflate(ByteBuffer data, boolean endOfMessage) {
        if (deflater == null) {
            deflater = resetAfterMessage ? pool.takeDeflater() : new Deflater(pool.level(), true);
        }
        deflater.setInput(data.duplicate());
        byte[] out = new byte[Math.max(64, data.remaining() / 2 + 64)];
        int length = 0;
        while (true) {
            int n = deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
            length += n;
            if (length < out.length) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        if (endOfMessage) {
            // The flush ends with 00 00 FF FF, which the receiver adds back.
            length -= 4;
            if (resetAfterMessage) {
                release();
            }
        }
        return ByteBuffer.wrap(out, 0, length);
    }

    /** Returns or ends the zlib state. */
    public synchronized void release() {
        if (deflater != null) {
            if (resetAfterMessage) {
                pool.giveBack(deflater);
            } else {
                deflater.end();
            }
            deflater = null;
        }
    }
}
