package dev.ferry.servlet.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The switch from Jetty's HTTP connection to Ferry's transport, done the way Jetty does it
 * ({@link EndPoint#upgrade}) on an in-memory end point.
 */
class JettyEndPointTransportTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void bytesJettyReadBeforeTheSwitchReachTheEngineBeforeTheSocketsBytes() throws Exception {
        ByteArrayEndPoint endPoint = new ByteArrayEndPoint();
        // Jetty's HTTP connection had read the client's first frame together with the request.
        endPoint.setConnection(new HttpConnectionHolding(endPoint, "first frame;"));
        endPoint.addInput("next frame");
        Received received = new Received("first frame;next frame".length());

        endPoint.upgrade(transportOn(endPoint, received));

        assertEquals("first frame;next frame", received.all.get(5, TimeUnit.SECONDS));
    }

    @Test
    void withNothingReadBeforeTheSwitchTheSocketsBytesArrive() throws Exception {
        ByteArrayEndPoint endPoint = new ByteArrayEndPoint();
        endPoint.setConnection(new HttpConnectionHolding(endPoint, ""));
        endPoint.addInput("only frame");
        Received received = new Received("only frame".length());

        endPoint.upgrade(transportOn(endPoint, received));

        assertEquals("only frame", received.all.get(5, TimeUnit.SECONDS));
    }

    private JettyEndPointTransport transportOn(EndPoint endPoint, TransportListener listener) {
        PendingSession session = new PendingSession() {
            @Override
            public void start(Transport transport) {
                transport.start(listener);
            }

            @Override
            public void abandon(Throwable cause) {
                throw new AssertionError("the upgrade should not be abandoned", cause);
            }
        };
        return new JettyEndPointTransport(endPoint, executor, ByteBufferPool.NON_POOLING, session, false,
                JettyEndPointTransportTest.class.getClassLoader());
    }

    /** Stands in for Jetty's HTTP/1.1 connection, which hands its unread bytes over on upgrade. */
    private static final class HttpConnectionHolding extends AbstractConnection implements Connection.UpgradeFrom {
        private final String unread;

        HttpConnectionHolding(EndPoint endPoint, String unread) {
            super(endPoint, Runnable::run);
            this.unread = unread;
        }

        @Override
        public ByteBuffer onUpgradeFrom() {
            return unread.isEmpty() ? null : ByteBuffer.wrap(unread.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void onFillable() {
        }
    }

    /** Collects the bytes the engine would hear, completing once the expected number arrived. */
    private static final class Received implements TransportListener {
        final CompletableFuture<String> all = new CompletableFuture<>();
        private final StringBuilder bytes = new StringBuilder();
        private final int expected;

        Received(int expected) {
            this.expected = expected;
        }

        @Override
        public void onData(ByteBuffer data) {
            bytes.append(StandardCharsets.US_ASCII.decode(data));
            if (bytes.length() >= expected) {
                all.complete(bytes.toString());
            }
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
            all.completeExceptionally(new AssertionError("end of input after '" + bytes + "'", failureOrNull));
        }

        @Override
        public void onClosed() {
        }
    }
}
