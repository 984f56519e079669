package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.servlet.route.ServletUpgradeOptions;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The servlet upgrade's abort and write failures with upgraded streams that behave like Undertow's:
 * {@code WebConnection.close()} waits until what the stream holds is written (here: until the
 * connection is dropped), and a failed write is reported to the write listener again and again.
 */
class FerryUpgradeHandlerAbortTest {

    /** What happened to the connection, in order. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** Counted down when the connection is dropped: a waiting close() returns then, as Undertow's does. */
    private final CountDownLatch dropped = new CountDownLatch(1);

    private final class WaitingConnection implements WebConnection {
        final Input in = new Input();
        final Output out = new Output();

        @Override
        public ServletInputStream getInputStream() {
            return in;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return out;
        }

        @Override
        public void close() throws Exception {
            events.add("close");
            if (!dropped.await(5, TimeUnit.SECONDS)) {
                events.add("close waited 5 s");
            }
        }
    }

    private static final class Input extends ServletInputStream {
        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Output extends ServletOutputStream {
        WriteListener listener;

        @Override
        public boolean isReady() {
            return false; // the peer reads nothing
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
        }

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Session implements PendingSession, TransportListener {
        volatile Transport transport;

        @Override
        public void start(Transport t) {
            transport = t;
            t.start(this);
        }

        @Override
        public void abandon(Throwable cause) {
        }

        @Override
        public void onData(ByteBuffer data) {
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
        }

        @Override
        public void onClosed() {
        }
    }

    private FerryUpgradeHandler upgraded(WaitingConnection connection, ServletUpgradeOptions options) {
        FerryUpgradeHandler handler = new FerryUpgradeHandler();
        handler.prepare(new Session(), null, null, false, options);
        handler.init(connection);
        return handler;
    }

    @Test
    void anAbortDropsTheConnectionBeforeTheContainersCloseCouldWait() throws Exception {
        WaitingConnection connection = new WaitingConnection();
        FerryUpgradeHandler handler = upgraded(connection, new ServletUpgradeOptions(Runnable::run, true, () -> {
            events.add("drop");
            dropped.countDown();
        }, true));

        long start = System.nanoTime();
        handler.close(true);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(List.of("drop", "close"), events);
        assertTrue(millis < 2_000, "the abort took " + millis + " ms");
    }

    @Test
    void aGracefulCloseLeavesTheConnectionToTheContainer() throws IOException {
        WaitingConnection connection = new WaitingConnection();
        FerryUpgradeHandler handler = upgraded(connection, new ServletUpgradeOptions(Runnable::run, true, () -> {
            events.add("drop");
            dropped.countDown();
        }, true));
        connection.out.listener.onWritePossible();
        handler.close(false);
        assertFalse(events.contains("drop"), "a graceful close dropped the connection: " + events);
    }

    @Test
    void aWriteFailureReportedAgainEndsTheContainersLoopWhereItRepeats() {
        WaitingConnection connection = new WaitingConnection();
        dropped.countDown(); // the container's close returns at once here
        upgraded(connection, new ServletUpgradeOptions(Runnable::run, true, null, true));
        WriteListener listener = connection.out.listener;
        IOException reset = new IOException("Connection reset by peer");

        listener.onError(reset); // the first report fails the connection
        assertThrows(NonBlockingWriter.RepeatedWriteFailure.class, () -> listener.onError(reset),
                "the second report must throw: nothing else gets Undertow's I/O thread out of its loop");
    }

    @Test
    void elsewhereARepeatedWriteFailureIsTakenQuietly() throws IOException {
        WaitingConnection connection = new WaitingConnection();
        dropped.countDown();
        upgraded(connection, ServletUpgradeOptions.AS_IS);
        WriteListener listener = connection.out.listener;
        listener.onError(new IOException("reset"));
        listener.onError(new IOException("reset")); // no exception
    }
}
