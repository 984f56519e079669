package dev.ferry.extension.deflate;

/**
 * permessage-deflate as running on one connection: the inflater for what arrives with RSV1 set,
 * and the deflater for what is sent (absent when the peer limited this side's window below what
 * the JDK's deflater can honour).
 */
public final class PerMessageDeflate {

    /** RSV1 marks a compressed message (on its first frame only). */
    public static final int RSV = 4;

    private final DeflateParameters parameters;
    private final MessageInflater inflater;
    private final MessageDeflater deflater;

    public PerMessageDeflate(DeflateParameters parameters, boolean server, ZlibPool pool) {
        this.parameters = parameters;
        boolean peerResets = server ? parameters.clientNoContextTakeover() : parameters.serverNoContextTakeover();
        boolean weReset = server ? parameters.serverNoContextTakeover() : parameters.clientNoContextTakeover();
        this.inflater = new MessageInflater(pool, peerResets);
        this.deflater = parameters.canCompress(server) ? new MessageDeflater(pool, weReset) : null;
    }

    public DeflateParameters parameters() {
        return parameters;
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
