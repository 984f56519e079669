package dev.ferry.broadcast.redis;

import java.nio.ByteBuffer;

/**
 * One message as it travels through Redis: a version byte, the kind (text or binary), the node
 * that published it (a random number per start, so a restarted node is a new one) and its
 * sequence number at that node, then the message's bytes as they are. 18 bytes of overhead; the
 * payload is never decoded or re-encoded on the way.
 */
record Envelope(boolean text, long origin, long sequence, ByteBuffer payload) {

    static final byte VERSION = 1;
    static final int HEADER = 18;
    private static final byte TEXT = 1;
    private static final byte BINARY = 2;

    /** The bytes to publish. */
    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.remaining());
        out.put(VERSION).put(text ? TEXT : BINARY).putLong(origin).putLong(sequence).put(payload.duplicate());
        return out.array();
    }

    /** The envelope in {@code bytes}, or null when they are not one (another program's message on the channel). */
    static Envelope decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER || bytes[0] != VERSION || bytes[1] != TEXT && bytes[1] != BINARY) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(2);
        long origin = in.getLong();
        long sequence = in.getLong();
        return new Envelope(bytes[1] == TEXT, origin, sequence, in.slice().asReadOnlyBuffer());
    }
}
