package dev.ferry.session;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code getSendWriter()}: characters are gathered into fragments of one text message; a fragment
 * never ends between the two halves of a surrogate pair. {@link #close()} sends the final frame.
 */
final class MessageWriter extends Writer {

    private static final int FRAGMENT = 8192;

    private final FerryBasicRemote remote;
    private final StringBuilder buffer = new StringBuilder();
    private boolean closed;

    MessageWriter(FerryBasicRemote remote) {
        this.remote = remote;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("The message writer is closed");
        }
        buffer.append(cbuf, off, len);
        if (buffer.length() >= FRAGMENT) {
            int cut = buffer.length();
            if (Character.isHighSurrogate(buffer.charAt(cut - 1))) {
                cut--;
            }
            remote.sendText(buffer.substring(0, cut), false);
            buffer.delete(0, cut);
        }
    }

    @Override
    public void flush() {
        // Fragments go out as they fill; the message ends at close().
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            remote.sendText(buffer.toString(), true);
            buffer.setLength(0);
        }
    }
}
