package dev.ferry.engine.deflate;

/**
 * permessage-deflate as running on one connection: the inflater for what arrives with RSV1 set,
 * and the deflater for what is sent (absent when the peer limited this side's window below what
 * the JDK's deflater can honour).
 */
public final class PerMessageDeflate {

    /** RSV1 marks a compressed message (on its first frame only). */
    public static final int RSV = 4;

    private final MessageInflater inflater;
    private final MessageDeflater deflater;

    /**
     * @param peerResets  the peer compresses every message afresh (no context takeover on its side)
     * @param weReset     this side compresses every message afresh
     * @param weCompress  this side compresses at all (false when the peer asked for a window the
     *                    JDK's deflater cannot honour: messages then go out uncompressed)
     */
    public PerMessageDeflate(boolean peerResets, boolean weReset, boolean weCompress, ZlibPool pool) {
        this.inflater = new MessageInflater(pool, peerResets);
        this.deflater = weCompress ? new MessageDeflater(pool, weReset) : null;
    }

    public MessageInflater inflater() {
        return inflater;
    }

    /** The deflater, or {@code null} when this side sends uncompressed. */
    public MessageDeflater deflater() {
        return deflater;
    }

    /** Frees the zlib state; called once the connection has ended. */
    public void release() {
        inflater.release();
        if (deflater != null) {
            deflater.release();
        }
    }
}
