package dev.ferry.session;

import dev.ferry.engine.WebSocketConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code Future} of an async send. On the thread that delivers the session's messages, a wait
 * could never end (the container tells the connection "writable" only once that thread returns),
 * so there {@code get} does not wait: the message is queued in order and will be written, exactly
 * as a blocking send from that thread behaves. A failure already known is still reported.
 */
final class SendFuture implements Future<Void> {

    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private final WebSocketConnection connection;

    SendFuture(WebSocketConnection connection) {
        this.connection = connection;
    }

    void complete(Throwable failure) {
        if (failure == null) {
            result.complete(null);
        } else {
            result.completeExceptionally(failure);
        }
    }

    @Override
    public Void get() throws InterruptedException, ExecutionException {
        if (!result.isDone() && connection.isDeliveringThread() && !connection.deliveringThreadMayWait(0)) {
            return null;
        }
        return result.get();
    }

    @Override
    public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!result.isDone() && connection.isDeliveringThread() && !connection.deliveringThreadMayWait(0)) {
            return null;
        }
        return result.get(timeout, unit);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        // A frame handed to the send path cannot be taken back without corrupting the stream.
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }
}
