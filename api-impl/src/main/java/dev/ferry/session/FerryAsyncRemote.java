package dev.ferry.session;

import dev.ferry.engine.Scheduler;
import dev.ferry.engine.SendCallback;
import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Non-blocking sends. Each completes once its bytes reached the transport; one still pending at
 * the send timeout fails with a {@link SocketTimeoutException} and ends the session, since a
 * half-written frame cannot be followed by another.
 */
final class FerryAsyncRemote extends FerryRemote implements RemoteEndpoint.Async {

    private volatile long sendTimeoutMillis;

    FerryAsyncRemote(FerrySession session, MessageSender sender, long sendTimeoutMillis) {
        super(session, sender);
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    @Override
    public long getSendTimeout() {
        return sendTimeoutMillis;
    }

    @Override
    public void setSendTimeout(long timeoutmillis) {
        sendTimeoutMillis = timeoutmillis;
    }

    @Override
    public void sendText(String text, SendHandler handler) {
        requireArgument(text, "text");
        requireArgument(handler, "handler");
        sender.sendText(text, track(handler));
    }

    @Override
    public Future<Void> sendText(String text) {
        requireArgument(text, "text");
        SendFuture future = new SendFuture(session.connection());
        sender.sendText(text, track(futureHandler(future)));
        return future;
    }

    @Override
    public Future<Void> sendBinary(ByteBuffer data) {
        requireArgument(data, "data");
        SendFuture future = new SendFuture(session.connection());
        sender.sendBinary(data, track(futureHandler(future)));
        return future;
    }

    @Override
    public void sendBinary(ByteBuffer data, SendHandler handler) {
        requireArgument(data, "data");
        requireArgument(handler, "handler");
        sender.sendBinary(data, track(handler));
    }

    @Override
    public Future<Void> sendObject(Object data) {
        requireArgument(data, "data");
        SendFuture future = new SendFuture(session.connection());
        sendObject(data, futureHandler(future));
        return future;
    }

    @Override
    public void sendObject(Object data, SendHandler handler) {
        requireArgument(data, "data");
        requireArgument(handler, "handler");
        SendCallback callback = track(handler);
        try {
            sender.sendObject(data, callback);
        } catch (EncodeException | java.io.IOException e) {
            callback.done(e);
        }
    }

    private static SendHandler futureHandler(SendFuture future) {
        return result -> future.complete(result.isOK() ? null : result.getException());
    }

    /** Wraps {@code handler} so it is told exactly once: on completion, on failure or at the deadline. */
    private SendCallback track(SendHandler handler) {
        AtomicBoolean told = new AtomicBoolean();
        long timeout = sendTimeoutMillis;
        Scheduler.Cancellable deadline = timeout <= 0 ? null : session.scheduler().schedule(() -> {
            if (told.compareAndSet(false, true)) {
                SocketTimeoutException e = new SocketTimeoutException(
                        "The message was not sent within the send timeout of " + timeout + " ms");
                session.abort(e);
                handler.onResult(SendResults.failed(session, e));
            }
        }, timeout);
        return failure -> {
            if (deadline != null) {
                deadline.cancel();
            }
            if (told.compareAndSet(false, true)) {
                handler.onResult(failure == null ? SendResults.ok(session) : SendResults.failed(session, failure));
            }
        };
    }
}
