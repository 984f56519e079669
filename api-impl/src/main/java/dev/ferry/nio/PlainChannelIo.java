package dev.ferry.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Plain TCP: application bytes go to the socket unchanged. */
public final class PlainChannelIo implements ChannelIo {

    @Override
    public void onConnected(SocketChannel channel) {
        // Nothing to negotiate.
    }

    @Override
    public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public Progress write(SocketChannel channel, ByteBuffer[] srcs) throws IOException {
        while (hasRemaining(srcs)) {
            if (channel.write(srcs) == 0) {
                return Progress.SOCKET_FULL;
            }
        }
        return Progress.DONE;
    }

    public static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean wantsWrite() {
        return false;
    }

    @Override
    public boolean hasBufferedInput() {
        return false;
    }

    @Override
    public void closeOutbound(SocketChannel channel) {
        // TCP's FIN is the goodbye; closing the channel sends it.
    }

    @Override
    public int minReadBufferSize() {
        return 1;
    }

    @Override
    public boolean isSecure() {
        return false;
    }
}
