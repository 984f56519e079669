package dev.ferry.pojo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.message.Coders.Point;
import dev.ferry.message.Coders;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every form of @OnMessage, driven through the registry's sinks as the engine would. */
public class PojoEndpointMessageTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    public static class WholeEndpoint {
        final List<Object> received = new ArrayList<>();

        @OnMessage
        public String onText(String text, Session session) {
            received.add(session);
            return "echo " + text;
        }

        @OnMessage
        public ByteBuffer onBinary(ByteBuffer data) {
            byte[] reversed = new byte[data.remaining()];
            for (int i = reversed.length - 1; i >= 0; i--) {
                reversed[i] = data.get();
            }
            return ByteBuffer.wrap(reversed);
        }

        @OnMessage
        public void onPong(Session session, PongMessage pong) {
            received.add(pong.getApplicationData().get(0));
        }
    }

    @Test
    void wholeStringByteBufferAndPong() throws Exception {
        WholeEndpoint endpoint = new WholeEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint);
        assertEquals(3, harness.session.getMessageHandlers().size());
        harness.session.receiveText("hel", "lo");
        harness.session.receiveBinary(bytes(1, 2), bytes(3));
        harness.session.receivePong(bytes(9));
        assertEquals(List.of("echo hello"), harness.session.basic.texts);
        assertArrayEquals(bytes(3, 2, 1), harness.session.basic.binaries.get(0));
        assertSame(harness.session, endpoint.received.get(0));
        assertEquals((byte) 9, endpoint.received.get(1));
    }

    public static class PartialEndpoint {
        final List<String> received = new ArrayList<>();

        @OnMessage
        public void onText(boolean last, String part) {
            received.add(part + (last ? "!" : ""));
        }

        @OnMessage
        public byte[] onBinary(byte[] part, boolean last) {
            received.add(part.length + (last ? "!" : ""));
            return last ? part : null;
        }
    }

    @Test
    void partialStringAndByteArray() throws Exception {
        PartialEndpoint endpoint = new PartialEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint);
        harness.session.receiveText("a", "b", "c");
        harness.session.receiveBinary(bytes(1, 2), bytes(3));
        assertEquals(List.of("a", "b", "c!", "2", "1!"), endpoint.received);
        assertEquals(1, harness.session.basic.binaries.size());
        assertArrayEquals(bytes(3), harness.session.basic.binaries.get(0));
    }

    public static class PartialBufferEndpoint {
        final List<String> received = new ArrayList<>();

        @OnMessage
        public void onBinary(ByteBuffer part, boolean last) {
            received.add(part.remaining() + ":" + last);
        }
    }

    @Test
    void partialByteBuffer() throws Exception {
        PartialBufferEndpoint endpoint = new PartialBufferEndpoint();
        PojoHarness.open(endpoint).session.receiveBinary(bytes(1, 2, 3), bytes(4));
        assertEquals(List.of("3:false", "1:true"), endpoint.received);
    }

    public static class WholeByteArrayEndpoint {
        @OnMessage
        public byte[] onBinary(byte[] data) {
            return new byte[] {(byte) data.length};
        }
    }

    @Test
    void wholeByteArrayReturnsBinary() throws Exception {
        PojoHarness harness = PojoHarness.open(new WholeByteArrayEndpoint());
        harness.session.receiveBinary(bytes(1, 2), bytes(3, 4, 5));
        assertArrayEquals(bytes(5), harness.session.basic.binaries.get(0));
    }

    public static class StreamEndpoint {
        @OnMessage
        public String onText(Reader reader) throws IOException {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return "read " + out;
        }

        @OnMessage
        public String onBinary(InputStream in) throws IOException {
            return "streamed " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readerAndInputStream() throws Exception {
        PojoHarness harness = PojoHarness.open(new StreamEndpoint());
        harness.session.receiveText("ab", "cd");
        harness.session.receiveBinary("xy".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("read abcd", "streamed xy"), harness.session.basic.texts);
    }

    public static class IntEndpoint {
        @OnMessage
        public int onNumber(int number) {
            return number + 1;
        }
    }

    public static class BoxedIntegerEndpoint {
        @OnMessage
        public Long onNumber(Integer number) {
            return number * 2L;
        }
    }

    public static class BooleanEndpoint {
        @OnMessage
        public boolean onFlag(Session session, boolean flag) {
            return !flag;
        }
    }

    @Test
    void primitiveAndBoxedText() throws Exception {
        PojoHarness ints = PojoHarness.open(new IntEndpoint());
        ints.session.receiveText("41");
        PojoHarness boxed = PojoHarness.open(new BoxedIntegerEndpoint());
        boxed.session.receiveText("21");
        PojoHarness flags = PojoHarness.open(new BooleanEndpoint());
        flags.session.receiveText("true");
        assertEquals(List.of("42"), ints.session.basic.texts);
        assertEquals(List.of("42"), boxed.session.basic.texts);
        assertEquals(List.of("false"), flags.session.basic.texts);
    }

    public static class PointEndpoint {
        final List<Point> received = new ArrayList<>();

        @OnMessage
        public Point onPoint(Point point) {
            received.add(point);
            return new Point(point.y(), point.x(), "reply");
        }
    }

    @Test
    void decodedWithTextDecoderAndEncodedReply() throws Exception {
        PointEndpoint endpoint = new PointEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, List.of(Coders.PointTextDecoder.class),
                List.of(Coders.PointTextEncoder.class));
        harness.session.receiveText("P:1,2");
        assertEquals(List.of(new Point(1, 2, "text")), endpoint.received);
        assertEquals(List.of("P:2,1"), harness.session.basic.texts);
    }

    @Test
    void decodedWithTextStreamDecoder() throws Exception {
        PointEndpoint endpoint = new PointEndpoint();
        PojoHarness.open(endpoint, List.of(Coders.PointTextStreamDecoder.class),
                List.of(Coders.PointTextEncoder.class)).session.receiveText("P:", "3,4");
        assertEquals(List.of(new Point(3, 4, "textstream")), endpoint.received);
    }

    @Test
    void decodedWithBinaryDecodersAndBinaryEncoder() throws Exception {
        PointEndpoint endpoint = new PointEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, List.of(Coders.PointBinaryDecoder.class),
                List.of(Coders.PointBinaryEncoder.class));
        harness.session.receiveBinary(bytes(5, 6));
        assertArrayEquals(bytes(6, 5), harness.session.basic.binaries.get(0));

        PointEndpoint streamed = new PointEndpoint();
        PojoHarness.open(streamed, List.of(Coders.PointBinaryStreamDecoder.class),
                List.of(Coders.PointBinaryEncoder.class)).session.receiveBinary(bytes(7), bytes(8));
        assertEquals(List.of(new Point(5, 6, "binary")), endpoint.received);
        assertEquals(List.of(new Point(7, 8, "binarystream")), streamed.received);
    }

    @Test
    void decoderChosenByWillDecodeInOrder() throws Exception {
        PointEndpoint endpoint = new PointEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint,
                List.of(Coders.PointTextDecoder.class, Coders.OtherPointTextDecoder.class),
                List.of(Coders.PointTextEncoder.class));
        harness.session.receiveText("Q:1,1");
        harness.session.receiveText("P:2,2");
        assertEquals(List.of(new Point(1, 1, "other"), new Point(2, 2, "text")), endpoint.received);
    }

    public static class PathEndpoint {
        @OnMessage
        public String onText(@PathParam("id") int id, Session session, String text, @PathParam("big") long big,
                @PathParam("flag") boolean flag, @PathParam("name") String name, @PathParam("absent") String absent) {
            return id + "|" + big + "|" + flag + "|" + name + "|" + absent + "|" + text;
        }
    }

    @Test
    void pathParametersConvertedToTheirTypes() throws Exception {
        PojoHarness harness = PojoHarness.open(new PathEndpoint(),
                Map.of("id", "7", "big", "9000000000", "flag", "true", "name", "lobby"));
        harness.session.receiveText("hi");
        assertEquals(List.of("7|9000000000|true|lobby|null|hi"), harness.session.basic.texts);
    }

    public static class BracedPathEndpoint {
        @OnMessage
        public String onText(@PathParam("{flag}") Boolean flag, String text) {
            return text + flag;
        }
    }

    @Test
    void aPathParamNamedInTemplateBracesMeansThatVariable() throws Exception {
        PojoHarness harness = PojoHarness.open(new BracedPathEndpoint(), Map.of("flag", "false"));
        harness.session.receiveText("true");
        assertEquals(List.of("truefalse"), harness.session.basic.texts);
    }

    @Test
    void sendingTheReturnValueRespectsEncoders() throws Exception {
        // Without a decoder the Point endpoint would not deploy; the same reply encoded as binary:
        PointEndpoint endpoint = new PointEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, List.of(Coders.PointTextDecoder.class),
                List.of(Coders.PointBinaryEncoder.class));
        harness.session.receiveText("P:1,2");
        assertTrue(harness.session.basic.texts.isEmpty());
        assertArrayEquals(bytes(2, 1), harness.session.basic.binaries.get(0));
    }
}
