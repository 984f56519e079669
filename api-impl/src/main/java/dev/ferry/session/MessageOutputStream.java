package dev.ferry.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * {@code getSendStream()}: bytes are gathered into fragments of {@value #FRAGMENT} bytes, each
 * sent as a frame of one binary message; {@link #close()} sends the final frame.
 */
final class MessageOutputStream extends OutputStream {

    static final int FRAGMENT = 8192;

    private final FerryBasicRemote remote;
    private byte[] buffer = new byte[FRAGMENT];
    private int length;
    private boolean closed;

    MessageOutputStream(FerryBasicRemote remote) {
        this.remote = remote;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (length == buffer.length) {
            sendFragment(false);
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (length == buffer.length) {
                sendFragment(false);
            }
            int n = Math.min(len, buffer.length - length);
            System.arraycopy(b, off, buffer, length, n);
            length += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            sendFragment(true);
            buffer = null;
        }
    }

    private void sendFragment(boolean last) throws IOException {
        ByteBuffer fragment = ByteBuffer.wrap(buffer, 0, length);
        remote.sendBinary(fragment, last);
        // The fragment may still be queued (sent from the delivering thread): never reuse its array.
        buffer = last ? buffer : new byte[FRAGMENT];
        length = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The message stream is closed");
        }
    }
}
