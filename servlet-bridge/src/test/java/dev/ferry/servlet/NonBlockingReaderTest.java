package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ferry.transport.TransportListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's gate and pause, against a scripted non-blocking input stream. */
class NonBlockingReaderTest {

    /** Bytes the "container" has; isReady() is true while some are left. */
    private static final class ScriptedInput extends ServletInputStream {
        final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        ReadListener listener;
        int isReadyFalse;
        /** The peer's end was read: once the chunks are gone, isFinished() says so (no onAllDataRead follows). */
        boolean endRead;

        void arrive(String text) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean isFinished() {
            return endRead && chunks.isEmpty();
        }

        @Override
        public boolean isReady() {
            boolean ready = !chunks.isEmpty();
            if (!ready) {
                isReadyFalse++;
            }
            return ready;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            listener = readListener;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            byte[] chunk = chunks.poll();
            System.arraycopy(chunk, 0, b, off, chunk.length);
            return chunk.length;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Recorder implements TransportListener {
        final List<String> events = new ArrayList<>();
        final List<String> threads = new ArrayList<>();

        @Override
        public void onData(ByteBuffer bytes) {
            events.add(StandardCharsets.UTF_8.decode(bytes).toString());
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onEndOfInput(Throwable failureOrNull) {
            events.add("end");
        }

        @Override
        public void onClosed() {
            events.add("closed");
        }
    }

    private final ScriptedInput in = new ScriptedInput();
    private final Recorder recorder = new Recorder();
    private final NonBlockingReader reader = new NonBlockingReader(in, 64, failure -> { });

    @Test
    void dataTheContainerReportsBeforeTheGateOpensWaitsAndTheOpenerReadsIt() throws Exception {
        reader.start(recorder);
        assertNotNull(in.listener, "the read listener is set at start, so the container can report early data");
        in.arrive("early");
        in.listener.onDataAvailable(); // Tomcat does this right after init
        assertEquals(List.of(), recorder.events, "delivered before the first onWritePossible");

        Thread opener = new Thread(reader::openGate, "first-writable");
        opener.start();
        opener.join(5_000);
        assertEquals(List.of("early"), recorder.events);
        assertEquals(List.of("first-writable"), recorder.threads, "the container owes no callback: the opener reads");
    }

    @Test
    void whenNoCallbackCameYetOpeningTheGateLeavesReadingToTheContainer() throws Exception {
        reader.start(recorder);
        reader.openGate();
        assertEquals(0, in.isReadyFalse, "the opener touched the stream although the container's first call is owed");
        in.arrive("later");
        in.listener.onDataAvailable();
        assertEquals(List.of("later"), recorder.events);
    }

    @Test
    void theGateAndAPauseHoldReadingBackIndependently() throws Exception {
        reader.start(recorder);
        reader.pause();
        in.arrive("held");
        in.listener.onDataAvailable();
        reader.openGate();
        assertEquals(List.of(), recorder.events, "the gate opened but the engine's pause still holds");
        reader.resume();
        assertEquals(List.of("held"), recorder.events);
    }

    @Test
    void aCloseBeforeTheGateOpensIsStillReported() {
        reader.start(recorder);
        reader.closed();
        assertEquals(List.of("closed"), recorder.events);
    }

    @Test
    void aStallHoldsReadingBackIndependentlyOfAPauseAndUnstallingReadsOnTheCallingThread() throws Exception {
        reader.start(recorder);
        reader.openGate();
        reader.stall();
        reader.pause();
        in.arrive("held");
        in.listener.onDataAvailable();
        reader.unstall();
        assertEquals(List.of(), recorder.events, "unstalled, but the engine's pause still holds");
        reader.stall();
        reader.resume();
        assertEquals(List.of(), recorder.events, "resumed, but the stall still holds");

        Thread worker = new Thread(reader::unstall, "worker");
        worker.start();
        worker.join(5_000);
        assertEquals(List.of("held"), recorder.events);
        assertEquals(List.of("worker"), recorder.threads, "the container owes no callback: the unstaller reads");
    }

    @Test
    void anEndFoundByAReadOffTheContainersCallbackIsDelivered() throws Exception {
        reader.start(recorder);
        reader.openGate();
        reader.stall();
        in.arrive("last");
        in.listener.onDataAvailable();
        in.endRead = true; // as Undertow does: the read that empties the stream finds the end, and says nothing more
        Thread worker = new Thread(reader::unstall, "worker");
        worker.start();
        worker.join(5_000);
        assertEquals(List.of("last", "end"), recorder.events);
    }
}
