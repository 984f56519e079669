package dev.ferry.tck.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A programmatic client endpoint that records what the server sends: text, binary (copied), pongs
 * (as {@link Pong}), its close reason and errors. Every read has {@link Deadline#WAIT} as deadline.
 */
public class RecordingClient extends Endpoint {

    /** A pong the client received, with its application data. */
    public record Pong(byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final CompletableFuture<Throwable> error = new CompletableFuture<>();
    private volatile Session session;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> received.add(copy(buffer)));
        session.addMessageHandler(PongMessage.class,
                (MessageHandler.Whole<PongMessage>) pong -> received.add(new Pong(copy(pong.getApplicationData()).array())));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        closed.complete(closeReason);
    }

    @Override
    public void onError(Session session, Throwable thr) {
        error.complete(thr);
    }

    public Session session() {
        return session;
    }

    public void send(String text) throws IOException {
        session.getBasicRemote().sendText(text);
    }

    /** Sends {@code text} and returns the next text message, the usual request/answer step. */
    public String ask(String text) throws IOException {
        send(text);
        return nextText();
    }

    public Object next() {
        try {
            Object message = received.poll(Deadline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                fail("No message within " + Deadline.WAIT + (closed.isDone() ? "; the session closed with " + closed.join() : ""));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String nextText() {
        Object message = next();
        assertTrue(message instanceof String, () -> "expected a text message, got " + describe(message));
        return (String) message;
    }

    public ByteBuffer nextBinary() {
        Object message = next();
        assertTrue(message instanceof ByteBuffer, () -> "expected a binary message, got " + describe(message));
        return (ByteBuffer) message;
    }

    public Pong nextPong() {
        Object message = next();
        assertTrue(message instanceof Pong, () -> "expected a pong, got " + describe(message));
        return (Pong) message;
    }

    /** Asserts that nothing arrives for {@link Deadline#QUIET}. */
    public void assertNothingReceived() throws InterruptedException {
        Object message = received.poll(Deadline.QUIET.toMillis(), TimeUnit.MILLISECONDS);
        if (message != null) {
            fail("expected no message, got " + describe(message));
        }
    }

    /** Waits for this endpoint's onClose and returns its reason. */
    public CloseReason awaitClose() {
        try {
            CloseReason reason = closed.get(Deadline.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(reason);
            return reason;
        } catch (TimeoutException e) {
            throw new AssertionError("The session did not close within " + Deadline.WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    private static ByteBuffer copy(ByteBuffer buffer) {
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer.duplicate()).flip();
        return copy;
    }

    private static String describe(Object message) {
        if (message instanceof ByteBuffer b) {
            return "binary of " + b.remaining() + " bytes";
        }
        return String.valueOf(message);
    }

    public static String utf8(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
