package dev.ferry.servlet.jetty;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;

/**
 * Borrows read buffers from Jetty's pool on Jetty 12.0 and 12.1 alike. Why not a plain call:
 * {@code ByteBufferPool.acquire(int, boolean)} returns a {@code RetainableByteBuffer} in 12.0 and a
 * {@code RetainableByteBuffer.Mutable} in 12.1, and a call compiled against one return type does
 * not link on the other ({@code NoSuchMethodError} on the first read). The method is found once,
 * whatever it returns, and called through a method handle typed to what both versions return.
 */
final class JettyBufferPools {

    private static final MethodHandle ACQUIRE;
    private static final ReflectiveOperationException MISSING;

    static {
        MethodHandle acquire = null;
        ReflectiveOperationException missing = null;
        try {
            acquire = MethodHandles.publicLookup()
                    .unreflect(ByteBufferPool.class.getMethod("acquire", int.class, boolean.class))
                    .asType(MethodType.methodType(RetainableByteBuffer.class, ByteBufferPool.class, int.class,
                            boolean.class));
        } catch (ReflectiveOperationException e) {
            missing = e;
        }
        ACQUIRE = acquire;
        MISSING = missing;
    }

    private JettyBufferPools() {
    }

    /** @throws ReflectiveOperationException when this Jetty's pool has no {@code acquire(int, boolean)} */
    static void check() throws ReflectiveOperationException {
        if (MISSING != null) {
            throw MISSING;
        }
    }

    /** A heap buffer of at least {@code size} bytes from {@code pool}; release it when done. */
    static RetainableByteBuffer acquire(ByteBufferPool pool, int size) {
        try {
            return (RetainableByteBuffer) ACQUIRE.invokeExact(pool, size, false);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
