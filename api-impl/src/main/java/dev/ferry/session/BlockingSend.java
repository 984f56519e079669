package dev.ferry.session;

import dev.ferry.engine.SendCallback;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A send whose caller waits, with a deadline, until its bytes reached the transport. */
final class BlockingSend implements SendCallback {

    /** Null when nobody waits: most sends come from the delivering thread, which never does. */
    private final CountDownLatch done;
    private volatile Throwable failure;

    private final boolean waits;

    /** @param waits false when the caller will not wait after all (it is the delivering thread) */
    BlockingSend(boolean waits) {
        this.waits = waits;
        this.done = waits ? new CountDownLatch(1) : null;
    }

    @Override
    public boolean callerWaits() {
        return waits;
    }

    @Override
    public void done(Throwable failure) {
        this.failure = failure;
        if (done != null) {
            done.countDown();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (0 = the deadline is the session's close, which a
     * close timeout bounds) and rethrows a failure as an IOException.
     *
     * @return normally once sent
     * @throws SocketTimeoutException when the deadline passed first
     */
    void await(long timeoutMillis) throws IOException {
        if (done == null) {
            throw new IllegalStateException("This send was made not to be waited for");
        }
        try {
            if (timeoutMillis > 0) {
                if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    throw new SocketTimeoutException("The message was not sent within the send timeout of "
                            + timeoutMillis + " ms; the peer is not reading");
                }
            } else {
                done.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while sending");
        }
        rethrowFailure();
    }

    /** Throws what the send failed with, if it has failed already; does not wait. */
    void rethrowFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        if (f != null) {
            throw new IOException("The message could not be sent: " + f.getMessage(), f);
        }
    }
}
