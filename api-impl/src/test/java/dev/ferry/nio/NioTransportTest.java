package dev.ferry.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The NIO transport on its own, against a plain blocking socket. */
@Timeout(30)
class NioTransportTest {

    private SelectorLoop loop;
    private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newCachedThreadPool(
            r -> new Thread(r, "test-worker"));
    private ServerSocket serverSocket;
    private Socket peer;

    /** Records the listener's calls, and on which thread they came. */
    static final class Recorder implements TransportListener {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final AtomicInteger closedCalls = new AtomicInteger();
        volatile String thread;

        @Override
        public synchronized void onData(ByteBuffer bytes) {
            thread = Thread.currentThread().getName();
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            data.writeBytes(b);
            events.add("data");
        }

        synchronized String text() {
            return data.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
            events.add("end:" + (failureOrNull == null ? "eof" : "failure"));
        }

        @Override
        public void onClosed() {
            closedCalls.incrementAndGet();
            events.add("closed");
        }

        void await(String event) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                String e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event.equals(e)) {
                    return;
                }
            }
            throw new AssertionError("no " + event + " within 5 s");
        }

        /** Waits until everything delivered so far reads {@code expected}. */
        void awaitText(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!text().equals(expected)) {
                if (events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) == null) {
                    throw new AssertionError("got \"" + text() + "\", not \"" + expected + "\", within 5 s");
                }
            }
        }

        /** Asserts that {@code event} does not happen within {@code millis}: what a paused or ended transport owes. */
        void assertNo(String event, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                String e = events.poll(left, TimeUnit.NANOSECONDS);
                if (event.equals(e)) {
                    throw new AssertionError("unexpected " + event);
                }
            }
        }
    }

    /** Completion of one write. */
    static final class Done implements Transport.WriteCallback {
        final CountDownLatch latch = new CountDownLatch(1);
        volatile Throwable failure;

        @Override
        public void completed() {
            latch.countDown();
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
            latch.countDown();
        }

        boolean await() throws InterruptedException {
            return latch.await(5, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void start() throws IOException {
        loop = new SelectorLoop("test-io");
        loop.start();
        serverSocket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        loop.stop(2_000);
        workers.shutdownNow();
        serverSocket.close();
        if (peer != null) {
            peer.close();
        }
    }

    private NioTransport connect(TransportListener listener) throws IOException {
        NioTransport transport = NioTransport.open(loop, workers,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort()), null);
        transport.connect(listener);
        peer = serverSocket.accept();
        peer.setSoTimeout(5_000);
        return transport;
    }

    private static ByteBuffer[] ascii(String text) {
        return new ByteBuffer[] {ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII))};
    }

    private byte[] readFromPeer(int n) throws IOException {
        byte[] b = peer.getInputStream().readNBytes(n);
        assertEquals(n, b.length, "the peer got fewer bytes than written");
        return b;
    }

    @Test
    void aWriteMadeBeforeConnectGoesOutOnceConnectedAndTheNextOneGathersItsBuffers() throws Exception {
        NioTransport transport = NioTransport.open(loop, workers,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort()), null);
        Done first = new Done();
        transport.write(ascii("hello "), first);
        transport.connect(new Recorder());
        peer = serverSocket.accept();
        peer.setSoTimeout(5_000);
        assertTrue(first.await());
        assertNull(first.failure);
        Done second = new Done();
        transport.write(new ByteBuffer[] {ByteBuffer.wrap("wor".getBytes()), ByteBuffer.wrap("ld".getBytes())}, second);
        assertEquals("hello world", new String(readFromPeer(11), StandardCharsets.US_ASCII));
        assertTrue(second.await());
        assertNull(second.failure);
    }

    @Test
    void aSecondWriteWhileOneIsInFlightIsAContractViolation() throws Exception {
        NioTransport transport = NioTransport.open(loop, workers,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort()), null);
        transport.write(ascii("first"), new Done());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> transport.write(ascii("second"), new Done()));
        transport.close(true);
    }

    /** Waits until the I/O thread has run everything queued for it so far. */
    private void awaitLoop() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(ran::countDown);
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the I/O thread is stuck");
    }

    @Test
    void bytesArriveOnTheIoThreadAndPauseHoldsThemBack() throws Exception {
        Recorder listener = new Recorder();
        NioTransport transport = connect(listener);
        peer.getOutputStream().write("one".getBytes());
        listener.await("data");
        assertEquals("one", listener.text());
        assertEquals("test-io", listener.thread);
        transport.pauseReading();
        awaitLoop(); // the pause has reached the I/O thread
        peer.getOutputStream().write("two".getBytes());
        listener.assertNo("data", 200);
        assertEquals("one", listener.text(), "bytes were delivered while paused");
        transport.resumeReading();
        listener.await("data");
        assertEquals("onetwo", listener.text());
    }

    /** A session listener that blocks until released, and records as {@link Recorder} does. */
    static final class BlockingRecorder implements TransportListener {
        final Recorder recorder = new Recorder();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onData(ByteBuffer bytes) {
            recorder.onData(bytes);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
            recorder.onEndOfInput(failureOrNull);
        }

        @Override
        public void onClosed() {
            recorder.onClosed();
        }
    }

    @Test
    void theSessionListenerRunsOnAWorkerInOrderAndABlockedOneHoldsUpOnlyItsConnection() throws Exception {
        BlockingRecorder blocked = new BlockingRecorder();
        NioTransport first = connect(new Recorder());
        Socket firstPeer = peer;
        first.start(blocked);
        Recorder other = new Recorder();
        NioTransport second = connect(new Recorder());
        second.start(other);
        awaitLoop(); // start() takes effect on the I/O thread; bytes read before it would go to the handshake listener

        firstPeer.getOutputStream().write("one".getBytes());
        blocked.recorder.await("data");
        assertEquals("test-worker", blocked.recorder.thread);
        firstPeer.getOutputStream().write("two".getBytes());
        firstPeer.shutdownOutput();

        // The first listener is stuck in onData; the second connection still gets its bytes.
        peer.getOutputStream().write("elsewhere".getBytes());
        other.await("data");
        assertEquals("elsewhere", other.text());
        assertEquals("test-worker", other.thread);
        blocked.recorder.assertNo("data", 100);
        assertEquals("one", blocked.recorder.text(), "more was delivered while the listener had not returned");

        blocked.release.countDown();
        blocked.recorder.await("end:eof");
        assertEquals("onetwo", blocked.recorder.text(), "bytes after the blocked call, then the end, in order");
        first.close(true);
        blocked.recorder.await("closed");
        firstPeer.close();
    }

    @Test
    void afterStartAPlainWriteHappensOnTheCallersThreadAndABigOneIsFinishedByTheIoThread() throws Exception {
        NioTransport transport = connect(new Recorder());
        // The peer's accept() returns before the I/O thread has finished the connect; a session
        // starts only once the handshake went both ways, so a first byte through the loop stands in.
        Done handshake = new Done();
        transport.write(ascii("-"), handshake);
        assertEquals("-", new String(readFromPeer(1), StandardCharsets.US_ASCII));
        assertTrue(handshake.await());
        transport.start(new Recorder());
        awaitLoop();

        Done small = new Done();
        transport.write(ascii("now"), small);
        assertEquals(0, small.latch.getCount(), "the socket could take 3 bytes: the write is done when write() returns");
        assertNull(small.failure);
        assertEquals("now", new String(readFromPeer(3), StandardCharsets.US_ASCII));

        byte[] big = new byte[16 * 1024 * 1024]; // more than the socket takes at once
        new java.util.Random(5).nextBytes(big);
        Done bigDone = new Done();
        transport.write(new ByteBuffer[] {ByteBuffer.wrap(big)}, bigDone);
        assertEquals(1, bigDone.latch.getCount(), "completed before the peer read the rest");
        assertArrayEquals(big, readFromPeer(big.length));
        assertTrue(bigDone.await());
        assertNull(bigDone.failure);
        Done after = new Done();
        transport.write(ascii("after"), after);
        assertEquals("after", new String(readFromPeer(5), StandardCharsets.US_ASCII));
        assertTrue(after.await());
        assertNull(after.failure);
    }

    @Test
    void bigWriteCompletesOnlyOnceThePeerTookTheBytes() throws Exception {
        NioTransport transport = connect(new Recorder());
        byte[] big = new byte[16 * 1024 * 1024]; // more than socket buffers hold: needs OP_WRITE
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Done done = new Done();
        transport.write(new ByteBuffer[] {ByteBuffer.wrap(big)}, done);
        assertFalse(done.latch.await(200, TimeUnit.MILLISECONDS), "completed before the peer read anything");
        assertArrayEquals(big, readFromPeer(big.length));
        assertTrue(done.await());
        assertNull(done.failure);
    }

    @Test
    void gracefulCloseWritesEverythingFirstAndReportsClosedOnce() throws Exception {
        Recorder listener = new Recorder();
        NioTransport transport = connect(listener);
        Done done = new Done();
        transport.write(ascii("last words"), done);
        transport.close(false);
        transport.close(false);
        InputStream in = peer.getInputStream();
        assertEquals("last words", new String(in.readNBytes(10), StandardCharsets.US_ASCII));
        assertEquals(-1, in.read(), "the transport did not close after draining");
        listener.await("closed");
        listener.assertNo("closed", 100);
        assertEquals(1, listener.closedCalls.get());
        Done late = new Done();
        transport.write(ascii("too late"), late);
        assertTrue(late.await());
        assertNotNull(late.failure);
        String why = late.failure.getMessage();
        assertTrue(why.contains(":" + serverSocket.getLocalPort() + " was closed before this was written"), why);
    }

    @Test
    void abortClosesAtOnceAndReportsClosedOnce() throws Exception {
        Recorder listener = new Recorder();
        NioTransport transport = connect(listener);
        transport.close(true);
        transport.close(false);
        transport.close(true);
        listener.await("closed");
        assertEquals(-1, peer.getInputStream().read());
        listener.assertNo("closed", 100);
        assertEquals(1, listener.closedCalls.get());
    }

    @Test
    void peerEofIsReportedAsEndOfInput() throws Exception {
        Recorder listener = new Recorder();
        NioTransport transport = connect(listener);
        peer.shutdownOutput();
        listener.await("end:eof");
        transport.close(true);
        listener.await("closed");
    }

    @Test
    void startHandsOverToTheSessionWithUnreadBytesFirst() throws Exception {
        Recorder handshake = new Recorder();
        NioTransport transport = connect(handshake);
        peer.getOutputStream().write("head".getBytes());
        handshake.await("data");
        CountDownLatch handedBack = new CountDownLatch(1);
        loop.execute(() -> {
            transport.holdUntilStart(ByteBuffer.wrap("early ".getBytes()));
            handedBack.countDown();
        });
        assertTrue(handedBack.await(5, TimeUnit.SECONDS));
        peer.getOutputStream().write("later".getBytes());
        Recorder session = new Recorder();
        transport.start(session);
        session.awaitText("early later");
        assertEquals("head", handshake.text());
    }

    @Test
    void aStartFromInsideTheHandshakeReadDeliversTheBytesReadAheadThoughThePeerSendsNothingMore() throws Exception {
        // As a client does: the handshake reader, on the I/O thread, takes the response and starts
        // the session with what came after it. The read was short (the socket is drained), yet the
        // bytes read ahead are in memory and must reach the session without another read event.
        Recorder session = new Recorder();
        NioTransport[] transport = new NioTransport[1];
        TransportListener handshake = new TransportListener() {
            @Override
            public void onData(ByteBuffer bytes) {
                bytes.position(bytes.limit());
                transport[0].holdUntilStart(ByteBuffer.wrap("early".getBytes()));
                transport[0].start(session);
            }

            @Override
            public void onEndOfInput(Throwable failureOrNull) {
            }

            @Override
            public void onClosed() {
            }
        };
        transport[0] = connect(handshake);
        peer.getOutputStream().write("response".getBytes());
        session.awaitText("early");
        transport[0].close(true);
    }

    @Test
    void stoppingTheLoopClosesItsTransports() throws Exception {
        Recorder listener = new Recorder();
        connect(listener);
        loop.stop(2_000);
        listener.await("closed");
        assertFalse(loop.thread().isAlive());
        assertEquals(-1, peer.getInputStream().read());
    }

    @Test
    void anAdoptedServerConnectionDeliversWhatWasReadAheadFirstAndClosesThroughItsCloser() throws Exception {
        java.nio.channels.ServerSocketChannel acceptor = java.nio.channels.ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try {
            peer = new Socket(InetAddress.getLoopbackAddress(), acceptor.socket().getLocalPort());
            peer.setSoTimeout(5_000);
            java.nio.channels.SocketChannel accepted = acceptor.accept();
            AtomicInteger closerCalls = new AtomicInteger();
            NioTransport transport = NioTransport.adopt(loop, workers, CallbackContext.NONE, accepted,
                    ByteBuffer.wrap("ahead ".getBytes()), channel -> {
                        closerCalls.incrementAndGet();
                        channel.close();
                    }, false);
            assertEquals(peer.getLocalSocketAddress(), transport.remoteAddress());
            assertFalse(transport.isSecure());
            Done written = new Done();
            transport.write(ascii("from onOpen"), written); // before start, as onOpen may
            peer.getOutputStream().write("after".getBytes());
            Recorder session = new Recorder();
            transport.start(session);
            assertEquals("from onOpen", new String(readFromPeer(11), StandardCharsets.US_ASCII));
            assertTrue(written.await());
            session.awaitText("ahead after");
            assertEquals("test-worker", session.thread, "the session's listener runs on the workers");
            transport.close(false);
            session.await("closed");
            assertEquals(1, closerCalls.get());
            assertEquals(-1, peer.getInputStream().read());
        } finally {
            acceptor.close();
        }
    }

    @Test
    void aSlowListenerGetsEveryByteInOrderWhileReadingWaitsForIt() throws Exception {
        Recorder handshake = new Recorder();
        NioTransport transport = connect(handshake);
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CountDownLatch all = new CountDownLatch(1);
        int total = 4 * InboundDelivery.BACKLOG_LIMIT;
        transport.start(new TransportListener() {
            @Override
            public void onData(ByteBuffer data) {
                try {
                    release.await(5, TimeUnit.SECONDS); // the first call holds the worker up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] b = new byte[data.remaining()];
                data.get(b);
                synchronized (received) {
                    received.writeBytes(b);
                    if (received.size() == total) {
                        all.countDown();
                    }
                }
            }

            @Override
            public void onEndOfInput(Throwable failureOrNull) {
            }

            @Override
            public void onClosed() {
            }
        });
        awaitLoop(); // after start's own task: the session listens from now on
        byte[] sent = new byte[total];
        new java.util.Random(7).nextBytes(sent);
        java.util.concurrent.CompletableFuture<Void> writing = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                peer.getOutputStream().write(sent);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // The backlog fills while the listener is held up, and reading stops there.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (transport.inboundBacklog() < InboundDelivery.BACKLOG_LIMIT) {
            assertTrue(System.nanoTime() < deadline, "the backlog never filled: " + transport.inboundBacklog());
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
        // Reading stops once the backlog reaches the limit: one read (the loop's 64 KiB buffer) past it at most.
        assertTrue(transport.inboundBacklog() <= InboundDelivery.BACKLOG_LIMIT + 64 * 1024,
                "reading went on past the backlog limit: " + transport.inboundBacklog());
        release.countDown();
        assertTrue(all.await(10, TimeUnit.SECONDS), "not every byte arrived");
        writing.get(5, TimeUnit.SECONDS);
        synchronized (received) {
            assertArrayEquals(sent, received.toByteArray());
        }
        transport.close(true);
    }

    /** A session listener that records the thread of each call and, when told, runs long. */
    static final class ThreadRecorder implements TransportListener {
        final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        volatile long spinNanos;
        volatile NioTransport transport;
        volatile boolean mayWaitOnTheIoThread;
        /** Sends of the application's buffer this size each callback asks about (0: none). */
        volatile int applicationBytes;

        @Override
        public void onData(ByteBuffer data) {
            data.position(data.limit());
            long until = System.nanoTime() + spinNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // a callback that takes this long: the behaviour under test
            }
            if (transport != null && Thread.currentThread().getName().equals("test-io")) {
                mayWaitOnTheIoThread |= transport.deliveringThreadMayWait(0);
                if (applicationBytes > 0) {
                    mayWaitOnTheIoThread |= transport.deliveringThreadMayWait(applicationBytes);
                }
            }
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
        }

        @Override
        public void onClosed() {
        }

        String next() throws InterruptedException {
            String t = threads.poll(5, TimeUnit.SECONDS);
            assertNotNull(t, "no delivery within 5 s");
            return t;
        }
    }

    /** More deliveries than it takes to prove callbacks short all come on a worker thread. */
    private void assertWorkersDeliverFromNowOn(ThreadRecorder listener, String why) throws Exception {
        for (int i = 0; i < InlinePolicy.DEFAULT.shortRunsBeforeInline() + 2; i++) {
            peer.getOutputStream().write('x');
            assertEquals("test-worker", listener.next(), why);
        }
    }

    /** Any run of callbacks counts as short (a busy test machine must not decide), 100 ms as long. */
    private static final InlinePolicy ANY_RUN_SHORT = new InlinePolicy(1_000_000_000L, 100_000_000L, 16);

    /** A transport on a connection from {@link #peer}, told to {@code listener}, with {@link #ANY_RUN_SHORT}. */
    private NioTransport startInlining(ThreadRecorder listener) throws Exception {
        NioTransport transport;
        try (java.nio.channels.ServerSocketChannel acceptor = java.nio.channels.ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer = new Socket(InetAddress.getLoopbackAddress(), acceptor.socket().getLocalPort());
            transport = NioTransport.adopt(loop, workers, CallbackContext.NONE, acceptor.accept(),
                    null, java.nio.channels.SocketChannel::close, ANY_RUN_SHORT);
        }
        listener.transport = transport;
        transport.start(listener);
        awaitLoop();
        return transport;
    }

    @Test
    void aLargeSendOfTheApplicationsBufferOnTheIoThreadSendsTheCallbacksBackToTheWorkers() throws Exception {
        ThreadRecorder listener = new ThreadRecorder();
        NioTransport transport = startInlining(listener);
        String thread = "";
        for (int i = 0; i < 100 && !thread.equals("test-io"); i++) {
            peer.getOutputStream().write('x');
            thread = listener.next();
        }
        assertEquals("test-io", thread, "short callbacks run on the I/O thread");
        // A small buffer of the application's is copied cheaply: delivery stays inline.
        listener.applicationBytes = NioTransport.LARGE_APPLICATION_SEND - 1;
        peer.getOutputStream().write('x');
        assertEquals("test-io", listener.next());
        peer.getOutputStream().write('x');
        assertEquals("test-io", listener.next(), "a small send changes nothing");
        // A large one would be copied there: that callback still ends on the I/O thread (it is
        // running), the next ones go to the workers, where such a send waits instead.
        listener.applicationBytes = NioTransport.LARGE_APPLICATION_SEND;
        peer.getOutputStream().write('x');
        assertEquals("test-io", listener.next());
        listener.applicationBytes = 0;
        assertWorkersDeliverFromNowOn(listener, "after a large send on the I/O thread the workers deliver");
        assertFalse(listener.mayWaitOnTheIoThread, "the I/O thread never waits for a write");
        transport.close(true);
    }

    @Test
    void shortCallbacksMoveToTheIoThreadAndALongOneSendsThemBackForGood() throws Exception {
        ThreadRecorder listener = new ThreadRecorder();
        NioTransport transport = startInlining(listener);
        for (int i = 0; i < InlinePolicy.DEFAULT.shortRunsBeforeInline(); i++) {
            peer.getOutputStream().write('x');
            assertEquals("test-worker", listener.next(), "delivery " + i + " before the callbacks proved short");
        }
        // The switch waits until the worker has returned from the last call, a moment after it counted it.
        String thread = "";
        for (int extra = 0; extra < 50 && !thread.equals("test-io"); extra++) {
            peer.getOutputStream().write('x');
            thread = listener.next();
        }
        assertEquals("test-io", thread, "short callbacks run on the I/O thread");
        peer.getOutputStream().write('x');
        assertEquals("test-io", listener.next(), "and stay there");
        assertFalse(listener.mayWaitOnTheIoThread, "the I/O thread never waits for a write");
        assertTrue(transport.deliveringThreadMayWait(0), "any other thread may");
        listener.spinNanos = 2 * ANY_RUN_SHORT.longNanos();
        peer.getOutputStream().write('x');
        assertEquals("test-io", listener.next());
        listener.spinNanos = 0;
        assertWorkersDeliverFromNowOn(listener, "after a long callback the workers deliver for good");
        transport.close(true);
    }

    @Test
    void aClientsCallbacksNeverRunOnTheIoThread() throws Exception {
        NioTransport transport = connect(new Recorder());
        ThreadRecorder listener = new ThreadRecorder();
        transport.start(listener);
        awaitLoop();
        for (int i = 0; i < InlinePolicy.DEFAULT.shortRunsBeforeInline() + 4; i++) {
            peer.getOutputStream().write('x');
            assertEquals("test-worker", listener.next());
        }
        transport.close(true);
    }
}
