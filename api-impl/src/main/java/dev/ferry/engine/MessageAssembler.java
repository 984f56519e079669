package dev.ferry.engine;

import dev.ferry.engine.deflate.MessageInflater;
import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.frame.CloseFrames;
import dev.ferry.engine.frame.FrameHandler;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.engine.frame.Utf8Validator;
import dev.ferry.engine.frame.WebSocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns frame events into messages: validates text as it arrives, buffers whole messages within
 * their size limit, cuts partial text at code point boundaries, and collects control frames.
 *
 * <p>The parser has already enforced the framing rules (opcodes, continuation order, control
 * frame size), so this class only has to follow the message in progress.
 */
final class MessageAssembler implements FrameHandler {

    /** Buffers of whole messages start small; an idle connection holds none. */
    private static final int INITIAL_CAPACITY = 1024;
    /** A binary message's announced size is allocated whole once this fraction (1/n) of it has arrived. */
    private static final int ANNOUNCED_SIZE_TRUST = 16;

    private final ControlFrameListener connection;
    private final ConnectionListener listener;
    private final MessageSinks sinks;
    private final MessageInflater inflater;
    private final ConnectionCounters counters;
    /** Where the arrays of large messages come from and go back to. */
    private final MessageBufferPool pool;
    /** The whole binary message the application's handler has now, when its array is pooled. */
    private volatile LentArray lent;
    /** Made with the first text message: idle connections, and binary-only ones, never need it. */
    private Utf8Validator utf8;
    /** Takes each inflated piece (allocated once). */
    private final java.util.function.Consumer<ByteBuffer> inflated;
    /**
     * The last inflated piece of a compressed message delivered in parts, held back until it is
     * known whether more follows, so that the final part carries {@code last = true}.
     */
    private ByteBuffer heldPiece;

    // The frame being parsed.
    private int frameOpcode;
    private boolean frameFin;
    private long frameRemaining;

    // The data message in progress (opcode TEXT or BINARY, 0 when none).
    private int messageOpcode;
    private boolean compressed;
    private TextSink textSink;
    private BinarySink binarySink;
    private boolean whole;
    private long limit;
    private byte[] buffer;
    /** {@link #buffer} came from the pool and goes back to it. */
    private boolean pooled;
    private int length;
    /** Up to 3 bytes of a UTF-8 sequence a part of a text message left unfinished, first byte highest (an int, not an array: idle connections stay small). */
    private int carry;
    private int carryLength;
    private boolean lastDelivered;

    /** A control frame's payload (at most 125 bytes); made with the first one, so an idle connection has none. */
    private byte[] control;
    private int controlLength;

    /**
     * @param connection hears control frames
     * @param listener   gives the limits of messages, and hears when a sink fails
     * @param sinks      where messages go
     * @param inflater   permessage-deflate's inflater, or {@code null} when it was not negotiated
     */
    MessageAssembler(ControlFrameListener connection, ConnectionListener listener, MessageSinks sinks,
            MessageInflater inflater, ConnectionCounters counters, MessageBufferPool pool) {
        this.connection = connection;
        this.pool = pool;
        this.listener = listener;
        this.sinks = sinks;
        this.inflater = inflater;
        this.counters = counters;
        this.inflated = inflater == null ? null : this::acceptInflated;
    }

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
        frameOpcode = opcode;
        frameFin = fin;
        frameRemaining = payloadLength;
        if (Opcode.isControl(opcode) || opcode == Opcode.CONTINUATION) {
            // The parser let RSV1 through for permessage-deflate, which owns it on first frames only.
            if (rsv != 0) {
                throw WebSocketException.protocolError("RSV bits set on a " + (opcode == Opcode.CONTINUATION
                        ? "continuation" : "control") + " frame");
            }
        } else {
            startMessage(opcode);
            compressed = (rsv & PerMessageDeflate.RSV) != 0;
        }
        if (Opcode.isControl(opcode)) {
            controlLength = 0;
            if (control == null) {
                control = new byte[125];
            }
        } else if (whole && !compressed && length + payloadLength > limit) {
            throw tooBig(length + payloadLength);
        }
    }

    private void startMessage(int opcode) {
        messageOpcode = opcode;
        length = 0;
        carryLength = 0;
        lastDelivered = false;
        if (opcode == Opcode.TEXT) {
            if (utf8 == null) {
                utf8 = new Utf8Validator();
            }
            textSink = connection.deliversMessages() ? sinks.textSink() : DiscardingSinks.TEXT;
            if (textSink == null) {
                // No handler takes text now; one may be added later (handlers come and go at any
                // time, and a client often adds its own after connecting), so the message is
                // dropped, as Tomcat does, rather than the session closed with 1003.
                textSink = DiscardingSinks.TEXT;
            }
            whole = textSink.wantsWholeMessage();
            limit = listener.maxTextMessageSize();
        } else {
            binarySink = connection.deliversMessages() ? sinks.binarySink() : DiscardingSinks.BINARY;
            if (binarySink == null) {
                binarySink = DiscardingSinks.BINARY; // as for text above
            }
            whole = binarySink.wantsWholeMessage();
            limit = listener.maxBinaryMessageSize();
        }
    }

    @Override
    public void onPayload(ByteBuffer chunk) {
        int n = chunk.remaining();
        frameRemaining -= n;
        if (Opcode.isControl(frameOpcode)) {
            chunk.get(control, controlLength, n);
            controlLength += n;
            return;
        }
        if (compressed) {
            inflater.inflate(chunk, inflated);
        } else {
            accept(chunk, frameFin && frameRemaining == 0);
        }
    }

    private void acceptInflated(ByteBuffer piece) {
        if (whole) {
            accept(piece, false);
            return;
        }
        if (messageOpcode == Opcode.TEXT) {
            utf8.validate(piece);
        }
        if (heldPiece != null) {
            deliverPart(heldPiece, false);
        }
        heldPiece = ByteBuffer.allocate(piece.remaining()).put(piece).flip();
    }

    /** Takes payload bytes of the message as sent before any compression. */
    private void accept(ByteBuffer data, boolean last) {
        if (messageOpcode == Opcode.TEXT) {
            utf8.validate(data);
        }
        if (whole) {
            append(data);
        } else if (data.hasRemaining() || last) {
            deliverPart(data, last);
        }
    }

    @Override
    public void onFrameEnd() {
        if (Opcode.isControl(frameOpcode)) {
            dispatchControl();
            return;
        }
        if (!frameFin) {
            return;
        }
        try {
            if (compressed) {
                inflater.endOfMessage(inflated);
            }
            if (messageOpcode == Opcode.TEXT) {
                utf8.endOfMessage();
            }
            counters.messageReceived();
            if (whole) {
                deliverWhole();
            } else if (heldPiece != null) {
                ByteBuffer last = heldPiece;
                heldPiece = null;
                deliverPart(last, true);
            } else if (!lastDelivered) {
                deliverPart(ByteBuffer.allocate(0), true);
            }
        } finally {
            endMessage();
        }
    }

    private void dispatchControl() {
        ByteBuffer payload = ByteBuffer.wrap(control, 0, controlLength);
        switch (frameOpcode) {
            case Opcode.PING -> connection.onPing(payload);
            case Opcode.PONG -> connection.onPong(payload);
            default -> connection.onCloseFrame(CloseFrames.parse(payload));
        }
    }

    private void append(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (length + (long) n > limit) {
            throw tooBig(length + (long) n);
        }
        if (buffer == null || buffer.length - length < n) {
            grow(n);
        }
        chunk.get(buffer, length, n);
        length += n;
    }

    private void grow(int needed) {
        long arrived = (long) length + needed;
        long wanted = Math.max(arrived, buffer == null ? INITIAL_CAPACITY : buffer.length * 2L);
        if (messageOpcode == Opcode.BINARY && frameFin && !compressed) {
            // The last frame's header told the message's size: a binary message gets an array of
            // its own, so growing exactly to that size spares copies and trimming. Once a sixteenth
            // of it has arrived the whole size is taken at once (a 1 MiB message read 64 KiB at a
            // time is allocated once); before that the buffer only doubles, so a peer cannot make
            // us allocate much more than it sends by announcing a size it never sends.
            long announced = arrived + frameRemaining;
            wanted = announced <= arrived * ANNOUNCED_SIZE_TRUST ? announced : Math.min(wanted, announced);
        }
        int capacity = (int) Math.min(wanted, Math.max(limit, arrived));
        // Text is decoded into a String and a lent binary message comes back: their large arrays
        // are pooled. A binary message its handler keeps gets an array of its own.
        boolean fromPool = pool.serves(capacity) && (messageOpcode == Opcode.TEXT || binarySink.lendsWholeMessage());
        byte[] grown = fromPool ? pool.take(capacity) : new byte[capacity];
        if (buffer != null) {
            System.arraycopy(buffer, 0, grown, 0, length);
            if (pooled) {
                pool.give(buffer);
            }
        }
        buffer = grown;
        pooled = fromPool;
    }

    private void deliverWhole() {
        try {
            if (messageOpcode == Opcode.TEXT) {
                textSink.onText(new String(buffer == null ? new byte[0] : buffer, 0, length, StandardCharsets.UTF_8), true);
            } else if (pooled) {
                deliverLent();
            } else {
                // The sink keeps a whole binary message, so it gets an array of its own.
                byte[] message = buffer == null ? new byte[0]
                        : length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length);
                buffer = null;
                binarySink.onBinary(ByteBuffer.wrap(message), true);
            }
        } catch (Exception e) {
            listener.onApplicationError(e);
        }
    }

    /** Lends the pooled array to the sink; it goes back once the sink returned and its sends are done. */
    private void deliverLent() throws Exception {
        LentArray loan = new LentArray(pool, buffer);
        ByteBuffer message = ByteBuffer.wrap(buffer, 0, length).slice();
        buffer = null;
        pooled = false;
        lent = loan;
        try {
            binarySink.onBinary(message, true);
        } finally {
            lent = null;
            loan.returned();
        }
    }

    /** See {@link LentArray#track}: a send of the message being lent keeps its array from the pool. */
    SendCallback trackLent(ByteBuffer data, SendCallback callback) {
        LentArray now = lent;
        return now == null ? callback : now.track(data, callback);
    }

    private void deliverPart(ByteBuffer chunk, boolean last) {
        try {
            if (messageOpcode == Opcode.TEXT) {
                textSink.onText(decodePart(chunk, last), last);
            } else {
                binarySink.onBinary(chunk, last);
            }
        } catch (Exception e) {
            listener.onApplicationError(e);
        }
        lastDelivered = last;
    }

    /**
     * Decodes the complete code points of {@code chunk} (after any bytes carried from the previous
     * chunk) and carries an incomplete trailing sequence over to the next one.
     */
    private String decodePart(ByteBuffer chunk, boolean last) {
        int n = chunk.remaining();
        byte[] bytes = new byte[carryLength + n];
        for (int i = 0; i < carryLength; i++) {
            bytes[i] = (byte) (carry >>> (8 * (carryLength - 1 - i)));
        }
        chunk.get(bytes, carryLength, n);
        // The bytes were validated already; only an incomplete sequence at the end is left over.
        int pending = last ? 0 : incompleteTail(bytes);
        int complete = bytes.length - pending;
        int tail = 0;
        for (int i = complete; i < bytes.length; i++) {
            tail = (tail << 8) | (bytes[i] & 0xFF);
        }
        carry = tail;
        carryLength = pending;
        return new String(bytes, 0, complete, StandardCharsets.UTF_8);
    }

    /** How many bytes at the end of (valid) UTF-8 {@code bytes} start a sequence they do not finish. */
    static int incompleteTail(byte[] bytes) {
        for (int i = 1; i <= 3 && i <= bytes.length; i++) {
            int b = bytes[bytes.length - i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > i ? i : 0;
        }
        return 0;
    }

    private void endMessage() {
        messageOpcode = 0;
        heldPiece = null;
        textSink = null;
        binarySink = null;
        length = 0;
        // An idle connection keeps no large buffer, whatever its limit; a pooled one goes back.
        if (pooled) {
            pool.give(buffer);
            buffer = null;
            pooled = false;
        } else if (buffer != null && buffer.length > 64 * 1024) {
            buffer = null;
        }
    }

    private WebSocketException tooBig(long size) {
        String kind = messageOpcode == Opcode.TEXT ? "Text" : "Binary";
        String setting = messageOpcode == Opcode.TEXT ? "maxTextMessageBufferSize" : "maxBinaryMessageBufferSize";
        return WebSocketException.tooBig(kind + " message of at least " + size + " bytes exceeds " + setting + " (" + limit + ")");
    }
}
