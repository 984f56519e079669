package dev.ferry.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.engine.BinarySink;
import dev.ferry.engine.TextSink;
import dev.ferry.message.Coders.Point;
import jakarta.websocket.DecodeException;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageHandlerRegistryTest {

    private final List<Object> received = new ArrayList<>();

    private static MessageHandlerRegistry registry(TestConfig config) {
        return new MessageHandlerRegistry(config, new DecoderSet(config.getDecoders(), config));
    }

    private final MessageHandlerRegistry registry = registry(TestConfig.empty());

    /** A generic base, so the type argument is bound by a subclass. */
    abstract static class Recorder<T> implements MessageHandler.Whole<T> {
    }

    @Test
    void noSinksUntilAHandlerIsAdded() {
        assertNull(registry.textSink());
        assertNull(registry.binarySink());
        assertNull(registry.pongSink());
        assertTrue(registry.handlers().isEmpty());
    }

    @Test
    void wholeStringHandlerFromGenericDeclaration() throws Exception {
        registry.add(new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String message) {
                received.add(message);
            }
        });
        TextSink sink = registry.textSink();
        assertTrue(sink.wantsWholeMessage());
        sink.onText("hello", true);
        assertEquals(List.of("hello"), received);
        assertNull(registry.binarySink());
    }

    @Test
    void typeBoundDeeperInTheHierarchy() throws Exception {
        registry.add(new Recorder<ByteBuffer>() {
            @Override
            public void onMessage(ByteBuffer message) {
                received.add(message);
            }
        });
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1});
        registry.binarySink().onBinary(data, true);
        assertSame(data, received.get(0));
    }

    @Test
    void lambdaWithoutTypeIsAClearError() {
        MessageHandler.Whole<String> lambda = received::add;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.add(lambda));
        assertTrue(e.getMessage().contains("addMessageHandler(Class<T>, Whole<T>)"), e.getMessage());
        assertTrue(registry.handlers().isEmpty());
    }

    @Test
    void lambdaWithExplicitTypeWorks() throws Exception {
        MessageHandler.Whole<String> lambda = received::add;
        registry.add(String.class, lambda);
        registry.textSink().onText("x", true);
        assertEquals(List.of("x"), received);
        assertEquals(Set.of(lambda), registry.handlers());
    }

    @Test
    void secondTextHandlerIsRejected() {
        registry.add(String.class, (MessageHandler.Whole<String>) received::add);
        MessageHandler.Whole<Reader> reader = received::add;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.add(Reader.class, reader));
        assertTrue(e.getMessage().contains("text message handler is already registered"), e.getMessage());
        // A binary handler is still welcome.
        registry.add(byte[].class, (MessageHandler.Whole<byte[]>) received::add);
        assertEquals(2, registry.handlers().size());
    }

    @Test
    void removalFreesTheKind() throws Exception {
        MessageHandler.Whole<String> first = message -> received.add("first " + message);
        registry.add(String.class, first);
        registry.remove(first);
        assertNull(registry.textSink());
        assertTrue(registry.handlers().isEmpty());
        registry.remove(first); // a no-op
        MessageHandler.Partial<String> second = (message, last) -> received.add("second " + message + " " + last);
        registry.add(String.class, second);
        registry.textSink().onText("a", false);
        assertEquals(List.of("second a false"), received);
    }

    @Test
    void handlersSnapshotIsUnmodifiable() {
        registry.add(String.class, (MessageHandler.Whole<String>) received::add);
        assertThrows(UnsupportedOperationException.class, () -> registry.handlers().clear());
    }

    @Test
    void partialOnlyForStringByteBufferAndByteArray() {
        MessageHandler.Partial<Reader> reader = (message, last) -> { };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.add(Reader.class, reader));
        assertTrue(e.getMessage().contains("Partial can receive only String, ByteBuffer or byte[]"), e.getMessage());
        MessageHandler.Partial<PongMessage> pong = (message, last) -> { };
        assertThrows(IllegalStateException.class, () -> registry.add(PongMessage.class, pong));
        MessageHandler.Partial<Integer> number = (message, last) -> { };
        assertThrows(IllegalStateException.class, () -> registry.add(Integer.class, number));
    }

    @Test
    void partialByteArrayGetsACopyPerFragment() throws Exception {
        registry.add(byte[].class, (MessageHandler.Partial<byte[]>) (message, last) -> received.add(message));
        BinarySink sink = registry.binarySink();
        assertFalse(sink.wantsWholeMessage());
        ByteBuffer fragment = ByteBuffer.wrap(new byte[] {1, 2, 3});
        sink.onBinary(fragment, false);
        fragment.put(0, (byte) 9);
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) received.get(0));
    }

    @Test
    void wholeReaderAndInputStreamGetTheBufferedMessage() throws Exception {
        registry.add(Reader.class, (MessageHandler.Whole<Reader>) reader -> {
            StringWriter out = new StringWriter();
            try {
                reader.transferTo(out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            received.add(out.toString());
        });
        registry.add(InputStream.class, (MessageHandler.Whole<InputStream>) in -> {
            try {
                received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        registry.textSink().onText("from reader", true);
        registry.binarySink().onBinary(ByteBuffer.wrap("from stream".getBytes(StandardCharsets.UTF_8)), true);
        assertEquals(List.of("from reader", "from stream"), received);
    }

    @Test
    void primitiveHandlersConvertText() throws Exception {
        registry.add(int.class, (MessageHandler.Whole<Integer>) received::add);
        registry.textSink().onText("17", true);
        assertEquals(List.of(17), received);
        assertThrows(DecodeException.class, () -> registry.textSink().onText("x", true));
    }

    @Test
    void pongHandler() throws Exception {
        registry.add(new MessageHandler.Whole<PongMessage>() {
            @Override
            public void onMessage(PongMessage message) {
                received.add(message.getApplicationData());
            }
        });
        ByteBuffer data = ByteBuffer.wrap(new byte[] {4});
        registry.pongSink().onPong(data);
        assertEquals(List.of(data), received);
    }

    @Test
    void decodedTypeWithTextAndBinaryDecodersTakesBothKinds() throws Exception {
        MessageHandlerRegistry decoding = registry(TestConfig.of(
                List.of(Coders.PointTextDecoder.class, Coders.PointBinaryDecoder.class), List.of()));
        MessageHandler.Whole<Point> handler = received::add;
        decoding.add(Point.class, handler);
        decoding.textSink().onText("P:1,2", true);
        decoding.binarySink().onBinary(ByteBuffer.wrap(new byte[] {3, 4}), true);
        assertEquals(List.of(new Point(1, 2, "text"), new Point(3, 4, "binary")), received);
        assertThrows(IllegalStateException.class,
                () -> decoding.add(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) received::add));
        assertThrows(DecodeException.class, () -> decoding.textSink().onText("nope", true));
        decoding.remove(handler);
        assertNull(decoding.textSink());
        assertNull(decoding.binarySink());
    }

    @Test
    void typeWithoutDecoderIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> registry.add(Point.class, (MessageHandler.Whole<Point>) received::add));
        assertTrue(e.getMessage().contains(Point.class.getName()), e.getMessage());
        assertNotNull(registry.handlers());
    }
}
