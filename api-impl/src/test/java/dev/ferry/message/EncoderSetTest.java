package dev.ferry.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.message.Coders.Circle;
import dev.ferry.message.Coders.Point;
import dev.ferry.message.Coders.Shape;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderSetTest {

    private static EncoderSet encoders(List<Class<? extends Encoder>> classes) {
        return new EncoderSet(classes, TestConfig.of(List.of(), classes));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Test
    void builtInConversions() throws Exception {
        EncoderSet set = EncoderSet.empty();
        assertEquals("hello", set.encode("hello").text());
        assertEquals("42", set.encode(42).text());
        assertEquals("7", set.encode(7L).text());
        assertEquals("true", set.encode(Boolean.TRUE).text());
        assertEquals("c", set.encode('c').text());
        assertEquals("1.5", set.encode(1.5d).text());
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2});
        assertSame(buffer, set.encode(buffer).binary());
        EncoderSet.Encoded fromArray = set.encode(new byte[] {3, 4});
        assertNull(fromArray.text());
        assertArrayEquals(new byte[] {3, 4}, bytes(fromArray.binary()));
    }

    @Test
    void missingEncoderIsAnEncodeException() {
        EncodeException e = assertThrows(EncodeException.class, () -> EncoderSet.empty().encode(new Point(1, 2, "")));
        assertTrue(e.getMessage().contains("No encoder for class " + Point.class.getName()), e.getMessage());
        assertEquals(new Point(1, 2, ""), e.getObject());
    }

    /** An encoder that fails with an unchecked exception, as application code does. */
    public static class FailingEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point point) {
            throw new IllegalStateException("cannot encode " + point.x());
        }
    }

    @Test
    void anEncoderThrowingUncheckedFailsWithAnEncodeExceptionCarryingTheCause() {
        Point point = new Point(5, 6, "");
        EncodeException e = assertThrows(EncodeException.class,
                () -> encoders(List.of(FailingEncoder.class)).encode(point));
        assertSame(point, e.getObject());
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
        assertTrue(e.getMessage().contains(FailingEncoder.class.getName()), e.getMessage());
    }

    @Test
    void customEncodersOfEveryForm() throws Exception {
        assertEquals("P:1,2", encoders(List.of(Coders.PointTextEncoder.class)).encode(new Point(1, 2, "")).text());
        assertArrayEquals(new byte[] {1, 2},
                bytes(encoders(List.of(Coders.PointBinaryEncoder.class)).encode(new Point(1, 2, "")).binary()));
        assertEquals("shape:square",
                encoders(List.of(Coders.ShapeTextStreamEncoder.class)).encode(new Shape("square")).text());
        assertArrayEquals(new byte[] {'c'},
                bytes(encoders(List.of(Coders.CircleBinaryStreamEncoder.class)).encode(new Circle()).binary()));
    }

    @Test
    void mostSpecificEncoderWinsWhateverTheOrder() throws Exception {
        EncoderSet set = encoders(List.of(Coders.ShapeTextStreamEncoder.class, Coders.CircleBinaryStreamEncoder.class));
        assertFalse(set.encode(new Circle()).isText());
        assertEquals("shape:square", set.encode(new Shape("square")).text());
    }

    @Test
    void encoderReturningNullIsAnEncodeException() {
        assertThrows(EncodeException.class,
                () -> encoders(List.of(Coders.NullTextEncoder.class)).encode(new Point(1, 2, "")));
    }

    @Test
    void initAndDestroyAreCalled() {
        TestConfig config = TestConfig.of(List.of(), List.of(Coders.PointTextEncoder.class));
        EncoderSet set = new EncoderSet(config.getEncoders(), config);
        assertEquals(List.of("init PointTextEncoder"), config.lifecycle());
        set.destroy();
        assertEquals(List.of("init PointTextEncoder", "destroy PointTextEncoder"), config.lifecycle());
    }

    @Test
    void canEncodeAtDeployment() {
        List<Class<? extends Encoder>> classes = List.of(Coders.ShapeTextStreamEncoder.class);
        assertTrue(EncoderSet.canEncode(classes, Circle.class));
        assertTrue(EncoderSet.canEncode(classes, int.class));
        assertTrue(EncoderSet.canEncode(classes, byte[].class));
        assertFalse(EncoderSet.canEncode(classes, Point.class));
    }

    @Test
    void validationRejectsAbstractEncoder() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> EncoderSet.validate(List.of(Encoder.Text.class)));
        assertTrue(e.getMessage().contains("Encoder jakarta.websocket.Encoder$Text: is abstract"), e.getMessage());
    }

    @Test
    void encodedHoldsExactlyOne() {
        assertThrows(IllegalArgumentException.class, () -> new EncoderSet.Encoded(null, null));
        assertThrows(IllegalArgumentException.class, () -> new EncoderSet.Encoded("a", ByteBuffer.allocate(0)));
    }
}
