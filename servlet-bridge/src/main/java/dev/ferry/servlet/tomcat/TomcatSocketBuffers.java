package dev.ferry.servlet.tomcat;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * Hands Tomcat's per-connection socket buffers back to the garbage collector while Ferry owns the
 * socket, and gives the connection full-size ones again before Tomcat takes it back.
 *
 * <p>Why: Tomcat's NIO connector gives every connection a read and a write buffer
 * ({@code socket.appReadBufSize}, {@code socket.appWriteBufSize}: 8 KiB each by default) for its
 * whole life. After the take-over nothing reads or writes them, yet they were 16 of the 23 KB an
 * idle WebSocket connection cost in Tomcat. {@link SocketBufferHandler} has no way to shrink, so
 * its two buffer fields are set to empty buffers here (the one reflective step); restoring uses
 * Tomcat's own {@link SocketBufferHandler#expand}. Tomcat recycles a closed connection's buffers
 * for the next connection, so {@link #restore} must run before Tomcat closes the connection:
 * {@code SocketWrapperBase.close()} calls the upgrade handler's {@code destroy()} before it
 * recycles anything. When the fields cannot be reached, or the buffers are direct (off the heap,
 * and freed only by Tomcat), nothing is released and nothing needs restoring.
 */
final class TomcatSocketBuffers {

    private static final System.Logger LOG = System.getLogger(TomcatSocketBuffers.class.getName());
    private static final Field READ_BUFFER;
    private static final Field WRITE_BUFFER;
    /**
     * What both fields of every released connection point to. Sharing one buffer is safe because a
     * buffer of capacity 0 has no state to change (position and limit stay 0, nothing can be put
     * into it), and nothing touches it while Ferry owns the socket; {@link #restore} replaces it.
     * Two buffers of its own would cost an idle connection 144 bytes.
     */
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Why the fields are out of reach (told once at the application's start); null when they are not. */
    private static final Throwable UNAVAILABLE;

    static {
        Field read = null;
        Field write = null;
        Throwable missing = null;
        try {
            read = field("readBuffer");
            write = field("writeBuffer");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            missing = e;
        }
        READ_BUFFER = missing == null ? read : null;
        WRITE_BUFFER = missing == null ? write : null;
        UNAVAILABLE = missing;
    }

    private TomcatSocketBuffers() {
    }

    /** @return null when the buffers can be released, else why not */
    static Throwable unavailable() {
        return UNAVAILABLE;
    }

    /**
     * Replaces both buffers with empty ones; the caller has taken out what the read buffer held.
     *
     * @return the size to {@link #restore} later, or 0 when nothing was released
     */
    static int release(SocketBufferHandler buffers) {
        if (READ_BUFFER == null || WRITE_BUFFER == null || buffers == null) {
            return 0;
        }
        ByteBuffer read = buffers.getReadBuffer();
        ByteBuffer write = buffers.getWriteBuffer();
        if (read == null || write == null || read.isDirect() || write.isDirect() || !buffers.isWriteBufferEmpty()) {
            return 0;
        }
        try {
            READ_BUFFER.set(buffers, EMPTY);
            WRITE_BUFFER.set(buffers, EMPTY);
            return Math.max(read.capacity(), write.capacity());
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "Tomcat's socket buffers could not be released", e);
            // Both or neither: put back what was there.
            try {
                READ_BUFFER.set(buffers, read);
                WRITE_BUFFER.set(buffers, write);
            } catch (IllegalAccessException | RuntimeException ignored) {
                // As it was: the fields refused to change.
            }
            return 0;
        }
    }

    /** Gives the connection buffers of {@code size} bytes again (empty, ready to be filled). */
    static void restore(SocketBufferHandler buffers, int size) {
        if (size > 0 && buffers != null) {
            buffers.expand(size);
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = SocketBufferHandler.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
