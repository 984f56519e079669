package dev.ferry.tck.coders;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encoders and decoders of {@link Point} in each of the four shapes. Each one marks its output
 * (or the point it decodes) so that a test can tell which coder ran. The lifecycle counters live in
 * the WAR's class loader, on the server side, and are read back through an endpoint.
 */
public final class PointCoders {

    static final AtomicInteger TEXT_DECODER_INITS = new AtomicInteger();
    static final AtomicInteger TEXT_DECODER_DESTROYS = new AtomicInteger();

    private PointCoders() {
    }

    /** Decodes "x,y"; counts its init and destroy calls. */
    public static class TextDecoder implements Decoder.Text<Point> {
        @Override
        public void init(EndpointConfig config) {
            TEXT_DECODER_INITS.incrementAndGet();
        }

        @Override
        public void destroy() {
            TEXT_DECODER_DESTROYS.incrementAndGet();
        }

        @Override
        public Point decode(String s) throws DecodeException {
            try {
                return Point.parse(s);
            } catch (RuntimeException e) {
                throw new DecodeException(s, "not a point", e);
            }
        }

        @Override
        public boolean willDecode(String s) {
            return !s.startsWith("polar:");
        }
    }

    /** Decodes "polar:x,y" only, as the point (x*10, y*10): the one chosen when the first one declines. */
    public static class PolarTextDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) {
            Point p = Point.parse(s.substring("polar:".length()));
            return new Point(p.x() * 10, p.y() * 10);
        }

        @Override
        public boolean willDecode(String s) {
            return s.startsWith("polar:");
        }
    }

    public static class TextEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point p) throws EncodeException {
            if (p.x() < 0) {
                throw new EncodeException(p, "negative x");
            }
            return "T(" + p.format() + ")";
        }
    }

    /** Two big-endian ints. */
    public static class BinaryDecoder implements Decoder.Binary<Point> {
        @Override
        public Point decode(ByteBuffer bytes) {
            return new Point(bytes.getInt(), bytes.getInt());
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return bytes.remaining() == 8;
        }
    }

    public static class BinaryEncoder implements Encoder.Binary<Point> {
        @Override
        public ByteBuffer encode(Point p) {
            return ByteBuffer.allocate(9).put((byte) 'B').putInt(p.x()).putInt(p.y()).flip();
        }
    }

    public static class TextStreamDecoder implements Decoder.TextStream<Point> {
        @Override
        public Point decode(Reader reader) throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c; (c = reader.read()) != -1; ) {
                s.append((char) c);
            }
            return Point.parse(s.toString());
        }
    }

    public static class TextStreamEncoder implements Encoder.TextStream<Point> {
        @Override
        public void encode(Point p, Writer writer) throws IOException {
            writer.write("TS(" + p.format() + ")");
        }
    }

    public static class BinaryStreamDecoder implements Decoder.BinaryStream<Point> {
        @Override
        public Point decode(InputStream in) throws IOException {
            byte[] b = in.readAllBytes();
            return new Point(b[0], b[1]);
        }
    }

    public static class BinaryStreamEncoder implements Encoder.BinaryStream<Point> {
        @Override
        public void encode(Point p, OutputStream out) throws IOException {
            out.write(new byte[] {'S', (byte) p.x(), (byte) p.y()});
        }
    }
}
