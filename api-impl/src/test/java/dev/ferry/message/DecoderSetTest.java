package dev.ferry.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.message.Coders.Point;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecoderSetTest {

    private static DecoderSet decoders(TestConfig config) {
        return new DecoderSet(config.getDecoders(), config);
    }

    @Test
    void firstWillingDecoderInConfigurationOrderWins() throws Exception {
        DecoderSet set = decoders(TestConfig.of(
                List.of(Coders.PointTextDecoder.class, Coders.OtherPointTextDecoder.class), List.of()));
        assertEquals(new Point(1, 2, "text"), set.decodeText(Point.class, "P:1,2"));
        // PointTextDecoder is unwilling, so the second one gets it.
        assertEquals(new Point(3, 4, "other"), set.decodeText(Point.class, "Q:3,4"));
    }

    @Test
    void orderMattersWhenBothAreWilling() throws Exception {
        DecoderSet set = decoders(TestConfig.of(
                List.of(Coders.OtherPointTextDecoder.class, Coders.PointTextDecoder.class), List.of()));
        assertEquals(new Point(1, 2, "other"), set.decodeText(Point.class, "P:1,2"));
    }

    @Test
    void noWillingDecoderIsADecodeException() {
        DecoderSet set = decoders(TestConfig.of(List.of(Coders.PointTextDecoder.class), List.of()));
        DecodeException e = assertThrows(DecodeException.class, () -> set.decodeText(Point.class, "nonsense"));
        assertEquals("nonsense", e.getText());
    }

    @Test
    void streamAndBinaryForms() throws Exception {
        DecoderSet set = decoders(TestConfig.of(List.of(Coders.PointTextStreamDecoder.class,
                Coders.PointBinaryDecoder.class), List.of()));
        assertEquals(new Point(5, 6, "textstream"), set.decodeText(Point.class, "X:5,6"));
        assertEquals(new Point(7, 8, "binary"), set.decodeBinary(Point.class, ByteBuffer.wrap(new byte[] {7, 8})));
        assertThrows(DecodeException.class, () -> set.decodeBinary(Point.class, ByteBuffer.wrap(new byte[] {1})));

        DecoderSet streams = decoders(TestConfig.of(List.of(Coders.PointBinaryStreamDecoder.class), List.of()));
        assertEquals(new Point(9, 10, "binarystream"),
                streams.decodeBinary(Point.class, ByteBuffer.wrap(new byte[] {9, 10})));
    }

    @Test
    void kindsByTargetType() {
        List<Class<? extends Decoder>> classes = List.of(Coders.PointTextDecoder.class, Coders.PointBinaryDecoder.class);
        assertEquals(Set.of(MessageKind.TEXT, MessageKind.BINARY), DecoderSet.decodedKinds(classes, Point.class));
        assertEquals(Set.of(), DecoderSet.decodedKinds(classes, String.class));
        assertEquals(Set.of(MessageKind.TEXT),
                decoders(TestConfig.of(List.of(Coders.InheritedPointDecoder.class), List.of()))
                        .decodedKinds(Point.class));
    }

    @Test
    void builtInPrimitiveConversions() throws Exception {
        DecoderSet set = DecoderSet.empty();
        assertEquals(42, set.decodeText(int.class, "42"));
        assertEquals(42L, set.decodeText(Long.class, "42"));
        assertEquals(true, set.decodeText(boolean.class, "TRUE"));
        assertEquals('x', set.decodeText(char.class, "x"));
        assertEquals(1.5d, set.decodeText(Double.class, "1.5"));
        assertThrows(DecodeException.class, () -> set.decodeText(int.class, "forty-two"));
        assertThrows(DecodeException.class, () -> set.decodeText(boolean.class, "yes"));
    }

    @Test
    void initAndDestroyAreCalled() {
        TestConfig config = TestConfig.of(List.of(Coders.PointTextDecoder.class), List.of());
        DecoderSet set = decoders(config);
        assertEquals(List.of("init PointTextDecoder"), config.lifecycle());
        set.destroy();
        assertEquals(List.of("init PointTextDecoder", "destroy PointTextDecoder"), config.lifecycle());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void validationNamesEveryInvalidDecoder() {
        List classes = List.of(Coders.NoDefaultConstructorDecoder.class, Coders.RawDecoder.class, String.class,
                Coders.BaseTextDecoder.class, Coders.PointTextDecoder.class);
        DeploymentException e = assertThrows(DeploymentException.class, () -> DecoderSet.validate(classes));
        String message = e.getMessage();
        assertTrue(message.contains(Coders.NoDefaultConstructorDecoder.class.getName() + ": must be a public class"
                + " with a public no-argument constructor"), message);
        assertTrue(message.contains(Coders.RawDecoder.class.getName() + ": cannot tell which type"), message);
        assertTrue(message.contains("java.lang.String: does not implement jakarta.websocket.Decoder"), message);
        assertTrue(message.contains(Coders.BaseTextDecoder.class.getName() + ": is abstract"), message);
        assertTrue(!message.contains(Coders.PointTextDecoder.class.getName() + ":"), message);
        assertEquals(5, message.split("\n").length, message);
    }
}
