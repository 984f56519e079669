package dev.ferry.session;

import dev.ferry.engine.SharedFrame;
import dev.ferry.engine.deflate.MessageDeflater;
import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.engine.frame.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One text or binary message to send to many server sessions, encoded once: its plain frame at
 * once, and the frame compressed without context takeover on first need. A session that
 * compresses every message afresh gets the compressed frame, which is byte for byte what its own
 * compressor would send; every other session gets the plain one (one that keeps a compression
 * context cannot take a message compressed elsewhere, and RFC 7692 lets any message go
 * uncompressed).
 */
public final class SharedMessage {

    private final boolean text;
    private final ByteBuffer payload;
    private final SharedFrame plain;
    private final ZlibPool zlib;
    private volatile SharedFrame compressed;

    private SharedMessage(boolean text, ByteBuffer payload, ZlibPool zlib) {
        this.text = text;
        this.payload = payload.asReadOnlyBuffer();
        this.plain = SharedFrame.of(text ? Opcode.TEXT : Opcode.BINARY, 0, payload);
        this.zlib = zlib;
    }

    /** A text message; {@code zlib} lends the compressor for the compressed frame. */
    public static SharedMessage text(String text, ZlibPool zlib) {
        return new SharedMessage(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), zlib);
    }

    /** A text message from its UTF-8 bytes (position to limit, copied), which the caller has checked. */
    public static SharedMessage utf8(ByteBuffer utf8, ZlibPool zlib) {
        return new SharedMessage(true, copy(utf8), zlib);
    }

    /** A binary message (position to limit, copied: the caller may reuse its buffer). */
    public static SharedMessage binary(ByteBuffer data, ZlibPool zlib) {
        return new SharedMessage(false, copy(data), zlib);
    }

    public boolean isText() {
        return text;
    }

    /** The message's bytes (UTF-8 for text), read-only, from position 0. */
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /** The message's frame for a session, given how that session compresses ({@code null}: it does not). */
    SharedFrame frameFor(MessageDeflater deflater) {
        if (deflater == null || !deflater.resetsAfterMessage() || !payload.hasRemaining()) {
            return plain;
        }
        SharedFrame frame = compressed;
        if (frame == null) {
            synchronized (this) {
                frame = compressed;
                if (frame == null) {
                    // A borrowed compressor, reset after the message: what such a session's own would send.
                    ByteBuffer deflated = new MessageDeflater(zlib, true).deflate(payload.duplicate(), true);
                    compressed = frame = SharedFrame.of(text ? Opcode.TEXT : Opcode.BINARY, PerMessageDeflate.RSV,
                            deflated);
                }
            }
        }
        return frame;
    }

    private static ByteBuffer copy(ByteBuffer data) {
        return ByteBuffer.allocate(data.remaining()).put(data.duplicate()).flip();
    }
}
