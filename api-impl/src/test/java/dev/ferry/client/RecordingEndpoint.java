package dev.ferry.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A programmatic client endpoint that records what happens to it, for tests to wait on. */
public class RecordingEndpoint extends Endpoint {

    static final long WAIT_SECONDS = 5;

    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();
    final BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    final AtomicInteger closeCount = new AtomicInteger();
    volatile String openThread;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        openThread = Thread.currentThread().getName();
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) texts::add);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) binaries::add);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        closeCount.incrementAndGet();
        closes.add(closeReason);
    }

    @Override
    public void onError(Session session, Throwable thr) {
        errors.add(thr);
    }

    static <T> T next(BlockingQueue<T> queue, String what) throws InterruptedException {
        T value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(value, "no " + what + " within " + WAIT_SECONDS + " s");
        return value;
    }
}
