package dev.ferry.message;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.List;

/** Decoders and encoders used by the tests; they log init/destroy in the config's user properties. */
public final class Coders {

    private Coders() {
    }

    /** A type only custom coders know. */
    public record Point(int x, int y, String via) {
    }

    /** A subtype, for "most specific encoder" tests. */
    public static class Shape {
        public final String name;

        public Shape(String name) {
            this.name = name;
        }
    }

    public static class Circle extends Shape {
        public Circle() {
            super("circle");
        }
    }

    @SuppressWarnings("unchecked")
    static void log(EndpointConfig config, String event) {
        ((List<String>) config.getUserProperties().get(TestConfig.LIFECYCLE)).add(event);
    }

    static Point parse(String text, String via) {
        String[] parts = text.substring(2).split(",");
        return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), via);
    }

    /** Decodes "P:x,y". */
    public static class PointTextDecoder implements Decoder.Text<Point> {
        private EndpointConfig config;

        @Override
        public void init(EndpointConfig config) {
            this.config = config;
            log(config, "init PointTextDecoder");
        }

        @Override
        public void destroy() {
            log(config, "destroy PointTextDecoder");
        }

        @Override
        public Point decode(String s) {
            return parse(s, "text");
        }

        @Override
        public boolean willDecode(String s) {
            return s.startsWith("P:");
        }
    }

    /** Decodes "Q:x,y"; listed after PointTextDecoder to test selection by willDecode. */
    public static class OtherPointTextDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) {
            return parse(s, "other");
        }

        @Override
        public boolean willDecode(String s) {
            return s.startsWith("Q:") || s.startsWith("P:");
        }
    }

    public static class FailingPointTextDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) throws DecodeException {
            throw new DecodeException(s, "bad point");
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class PointTextStreamDecoder implements Decoder.TextStream<Point> {
        @Override
        public Point decode(Reader reader) throws IOException {
            StringWriter all = new StringWriter();
            reader.transferTo(all);
            return parse(all.toString(), "textstream");
        }
    }

    /** Two bytes: x, y. */
    public static class PointBinaryDecoder implements Decoder.Binary<Point> {
        @Override
        public Point decode(ByteBuffer bytes) {
            return new Point(bytes.get(), bytes.get(), "binary");
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            boolean willing = bytes.remaining() == 2;
            bytes.position(bytes.limit()); // a careless decoder: must not spoil decode's view
            return willing;
        }
    }

    public static class PointBinaryStreamDecoder implements Decoder.BinaryStream<Point> {
        @Override
        public Point decode(InputStream in) throws IOException {
            return new Point(in.read(), in.read(), "binarystream");
        }
    }

    /** Generic base: the type argument is bound one level down. */
    public abstract static class BaseTextDecoder<T> implements Decoder.Text<T> {
        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class InheritedPointDecoder extends BaseTextDecoder<Point> {
        @Override
        public Point decode(String s) {
            return parse(s, "inherited");
        }
    }

    @SuppressWarnings("rawtypes")
    public static class RawDecoder implements Decoder.Text {
        @Override
        public Object decode(String s) {
            return s;
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class NoDefaultConstructorDecoder implements Decoder.Text<Point> {
        public NoDefaultConstructorDecoder(int unused) {
        }

        @Override
        public Point decode(String s) {
            return null;
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class PointTextEncoder implements Encoder.Text<Point> {
        private EndpointConfig config;

        @Override
        public void init(EndpointConfig config) {
            this.config = config;
            log(config, "init PointTextEncoder");
        }

        @Override
        public void destroy() {
            log(config, "destroy PointTextEncoder");
        }

        @Override
        public String encode(Point p) {
            return "P:" + p.x() + "," + p.y();
        }
    }

    public static class PointBinaryEncoder implements Encoder.Binary<Point> {
        @Override
        public ByteBuffer encode(Point p) {
            return ByteBuffer.wrap(new byte[] {(byte) p.x(), (byte) p.y()});
        }
    }

    public static class ShapeTextStreamEncoder implements Encoder.TextStream<Shape> {
        @Override
        public void encode(Shape shape, Writer writer) throws IOException {
            writer.write("shape:" + shape.name);
        }
    }

    public static class CircleBinaryStreamEncoder implements Encoder.BinaryStream<Circle> {
        @Override
        public void encode(Circle circle, OutputStream out) throws IOException {
            out.write(new byte[] {'c'});
        }
    }

    public static class NullTextEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point p) throws EncodeException {
            return null;
        }
    }
}
