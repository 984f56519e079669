package dev.ferry.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One non-blocking WebSocket client connection, driven by its {@link EventLoop}. It masks what it
 * sends and checks every message it receives against the one it was told to expect, byte for
 * byte, as the bytes arrive; several messages may be expected at once (pipelining), in the order
 * they were sent. It holds no read buffer of its own: the loop's is shared.
 *
 * <p>What is sent while the loop handles this connection's (or another's) events is written once
 * that handling ends, in one write: the answers to every echo that one read brought leave
 * together, as a browser's would when its handler sends from inside a burst of messages. That
 * keeps the generator's system calls per message low when many messages are in flight.
 */
final class ClientConnection implements ServerFrameDecoder.Sink {

    enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

    private static final int MIN_OUT_CAPACITY = 512;
    private static final int CRLF_CRLF = 0x0D0A0D0A;
    private static final byte[] CLOSE_NORMAL = {0x03, (byte) 0xE8}; // 1000

    private final EventLoop loop;
    private final SocketChannel channel;
    private final ConnectionListener listener;
    private final Handshake handshake;
    private final ClientFrameEncoder encoder;
    private final ServerFrameDecoder decoder = new ServerFrameDecoder(this);
    private SelectionKey key;
    private State state = State.CONNECTING;
    private ByteBuffer out;
    private ByteArrayOutputStream responseHead = new ByteArrayOutputStream(256);
    /** The last four bytes of the response head, to spot the blank line that ends it. */
    private int lastFourBytes;

    // The messages expected, oldest first; the oldest, and how far into it the received bytes
    // have matched.
    private final ExpectedMessages expectedMessages = new ExpectedMessages();
    private byte[] expected;
    private int expectedOpcode;
    private int matched;
    /** Bytes queued in {@link #out} that wait for the loop's end-of-dispatch flush. */
    private boolean flushPending;
    private boolean inDataMessage;
    /** The frame being received is the last of its message. */
    private boolean pendingFinal;
    // The control frame being received; 125 bytes at most.
    private int controlOpcode = -1;
    private final ByteBuffer controlPayload = ByteBuffer.allocate(125);
    private boolean closeReceived;

    /** Free for the scenario: e.g. when the message in flight was sent. */
    long sentAtNanos;
    /** Free for the scenario: e.g. the connection's index. */
    int tag;

    ClientConnection(EventLoop loop, SocketChannel channel, ConnectionListener listener, Handshake handshake,
            long seed) {
        this.loop = loop;
        this.channel = channel;
        this.listener = listener;
        this.handshake = handshake;
        this.encoder = new ClientFrameEncoder(seed);
    }

    void register(SelectionKey selectionKey) {
        this.key = selectionKey;
    }

    State state() {
        return state;
    }

    /**
     * Sends one final data frame. The payload array is read now and may be reused afterwards.
     * With {@code expectEcho}, the next message must be the same bytes with the same opcode.
     */
    void send(int opcode, byte[] payload, boolean expectEcho) {
        if (state != State.OPEN) {
            throw new IllegalStateException("Cannot send in state " + state);
        }
        if (expectEcho) {
            expect(opcode, payload);
        }
        ensureOutCapacity(ClientFrameEncoder.frameSize(payload.length));
        encoder.write(out, opcode, payload, 0, payload.length);
        flushSoon();
    }

    /**
     * A data message that must arrive, exactly {@code payload}, after the ones expected before it;
     * the array must not change until it came.
     */
    void expect(int opcode, byte[] payload) {
        expectedMessages.add(opcode, payload);
        if (expected == null) {
            takeNextExpected();
        }
    }

    /** Messages expected and not yet (completely) received. */
    int expectedCount() {
        return expectedMessages.size();
    }

    private void takeNextExpected() {
        expected = expectedMessages.headPayload();
        expectedOpcode = expected == null ? 0 : expectedMessages.headOpcode();
        matched = 0;
    }

    /** Starts the closing handshake (1000); {@link ConnectionListener#onClosed} follows. */
    void close() {
        if (state != State.OPEN) {
            return;
        }
        ensureOutCapacity(ClientFrameEncoder.frameSize(2));
        encoder.write(out, ClientFrameEncoder.OPCODE_CLOSE, CLOSE_NORMAL, 0, 2);
        state = State.CLOSING;
        flushSoon();
    }

    /** Drops the connection at once with a reset, e.g. when a deadline has passed. */
    void abort() {
        if (state == State.CLOSED) {
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // closing anyway
        }
        closeChannel();
    }

    // --- called by the event loop ---

    void onConnectable() throws IOException {
        if (!channel.finishConnect()) {
            return;
        }
        state = State.HANDSHAKING;
        key.interestOps(SelectionKey.OP_READ);
        byte[] request = handshake.request();
        ensureOutCapacity(request.length);
        out.put(request);
        flush();
    }

    void onWritable() {
        flush();
    }

    void onReadable(ByteBuffer readBuffer) throws IOException {
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n < 0) {
            onEndOfStream();
            return;
        }
        readBuffer.flip();
        if (state == State.HANDSHAKING) {
            readResponseHead(readBuffer);
        }
        if (state == State.OPEN || state == State.CLOSING) {
            decoder.decode(readBuffer);
        }
    }

    void fail(Exception e) {
        boolean wasClosed = state == State.CLOSED;
        abort();
        if (!wasClosed) {
            listener.onError(this, e);
        }
    }

    // --- ServerFrameDecoder.Sink ---

    @Override
    public void onFrameStart(boolean fin, int opcode, long length) throws IOException {
        if (opcode >= 8) {
            if (!fin || length > 125) {
                throw new IOException("Invalid control frame from the server");
            }
            controlOpcode = opcode;
            controlPayload.clear();
            return;
        }
        if (opcode != 0) {
            if (inDataMessage) {
                throw new IOException("New data message inside a fragmented one");
            }
            if (expected == null) {
                throw new IOException("Unexpected message (opcode " + opcode + ")");
            }
            if (opcode != expectedOpcode) {
                throw new IOException("Expected opcode " + expectedOpcode + ", got " + opcode);
            }
            inDataMessage = true;
        } else if (!inDataMessage) {
            throw new IOException("CONTINUATION frame outside a message");
        }
        if (matched + length > expected.length) {
            throw new IOException("Message longer than the " + expected.length + " bytes expected");
        }
        controlOpcode = -1;
        if (fin) {
            inDataMessage = false; // finished in onFrameEnd via matched == expected.length
            pendingFinal = true;
        }
    }

    @Override
    public void onPayload(ByteBuffer chunk) throws IOException {
        if (controlOpcode >= 0) {
            controlPayload.put(chunk);
            return;
        }
        int n = chunk.remaining();
        ByteBuffer want = ByteBuffer.wrap(expected, matched, n);
        int mismatch = chunk.mismatch(want);
        if (mismatch >= 0) {
            throw new IOException("Wrong byte at offset " + (matched + mismatch) + " of a "
                    + expected.length + "-byte message");
        }
        matched += n;
    }

    @Override
    public void onFrameEnd() throws IOException {
        if (controlOpcode >= 0) {
            onControlFrame(controlOpcode, controlPayload.flip());
            controlOpcode = -1;
            return;
        }
        if (pendingFinal) {
            pendingFinal = false;
            if (matched != expected.length) {
                throw new IOException("Message of " + matched + " bytes, expected " + expected.length);
            }
            expectedMessages.removeHead();
            takeNextExpected();
            listener.onMessage(this);
        }
    }

    // --- internals ---

    private void onControlFrame(int opcode, ByteBuffer payload) throws IOException {
        switch (opcode) {
            case ClientFrameEncoder.OPCODE_PING -> {
                if (state == State.OPEN) {
                    byte[] data = new byte[payload.remaining()];
                    payload.get(data);
                    ensureOutCapacity(ClientFrameEncoder.frameSize(data.length));
                    encoder.write(out, ClientFrameEncoder.OPCODE_PONG, data, 0, data.length);
                    flushSoon();
                }
            }
            case ClientFrameEncoder.OPCODE_PONG -> {
                // unsolicited pongs are allowed and ignored
            }
            case ClientFrameEncoder.OPCODE_CLOSE -> {
                closeReceived = true;
                if (state == State.OPEN) {
                    // The server closes first: answer, then wait for it to hang up.
                    ensureOutCapacity(ClientFrameEncoder.frameSize(2));
                    encoder.write(out, ClientFrameEncoder.OPCODE_CLOSE, CLOSE_NORMAL, 0, 2);
                    state = State.CLOSING;
                    flushSoon();
                }
                // RFC 6455 7.1.1: the server closes the TCP connection first; we wait for its end of stream.
            }
            default -> throw new IOException("Unknown control opcode " + opcode);
        }
    }

    private void onEndOfStream() throws IOException {
        if (state == State.CLOSING && closeReceived) {
            closeChannel();
            listener.onClosed(this, true);
        } else {
            String when = state == State.OPEN ? "" : " in state " + state;
            throw new IOException("Server closed the connection" + when
                    + (closeReceived ? " after a close frame" : " without a close frame"));
        }
    }

    private void readResponseHead(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            byte b = in.get();
            responseHead.write(b);
            lastFourBytes = lastFourBytes << 8 | (b & 0xFF);
            int size = responseHead.size();
            if (lastFourBytes == CRLF_CRLF) {
                String head = responseHead.toString(StandardCharsets.ISO_8859_1);
                responseHead = null;
                handshake.verifyResponse(head.substring(0, head.length() - 4));
                state = State.OPEN;
                listener.onOpen(this);
                return; // the rest of the buffer is frames
            }
            if (size > 8192) {
                throw new IOException("Handshake response head longer than 8 KiB");
            }
        }
    }

    private void ensureOutCapacity(int bytes) {
        if (out == null) {
            out = ByteBuffer.allocateDirect(Math.max(MIN_OUT_CAPACITY, bytes));
        } else if (out.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(out.capacity() * 2, out.position() + bytes));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }

    /** Writes now, or once the loop's current dispatch ends if it is dispatching. */
    private void flushSoon() {
        if (loop.dispatching()) {
            if (!flushPending) {
                flushPending = true;
                loop.flushAfterDispatch(this);
            }
        } else {
            flush();
        }
    }

    /** Called by the loop at the end of a dispatch, for the connections that asked. */
    void flushPending() {
        if (flushPending) {
            flushPending = false;
            if (state != State.CLOSED) {
                flush();
            }
        }
    }

    private void flush() {
        try {
            out.flip();
            channel.write(out);
            boolean pending = out.hasRemaining();
            out.compact();
            if (key.isValid()) {
                int ops = key.interestOps();
                key.interestOps(pending ? ops | SelectionKey.OP_WRITE : ops & ~SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void closeChannel() {
        state = State.CLOSED;
        loop.forget(this);
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do for a channel being dropped
        }
    }

    @Override
    public String toString() {
        return "connection " + tag + " (" + state + ")";
    }
}
