package dev.ferry.tck.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Section 4.1.1 and the Encoder/Decoder API: all four shapes, selection, lifecycle, errors. */
class CodersTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("coders", CodersApp.class, PointCoders.class, Point.class);
    }

    @Test
    void textDecoderAndTextEncoder() throws Exception {
        assertEquals("T(2,3)", connect("text").ask("1,2"));
    }

    @Test
    void firstDecoderThatWillDecodeIsUsed() throws Exception {
        assertEquals("T(11,21)", connect("text").ask("polar:1,2"));
    }

    @Test
    void encodeExceptionReachesOnError() throws Exception {
        // -2 + 1 = -1: the encoder refuses a negative x.
        assertEquals("error:EncodeException", connect("text").ask("-2,5"));
    }

    @Test
    void binaryDecoderAndBinaryEncoder() throws Exception {
        RecordingClient c = connect("binary");
        c.session().getBasicRemote().sendBinary(ByteBuffer.allocate(8).putInt(7).putInt(9).flip());
        ByteBuffer answer = c.nextBinary();
        assertEquals('B', answer.get());
        assertEquals(9, answer.getInt());
        assertEquals(7, answer.getInt());
    }

    @Test
    void textStreamDecoderAndTextStreamEncoder() throws Exception {
        assertEquals("TS(6,8)", connect("text-stream").ask("3,4"));
    }

    @Test
    void binaryStreamDecoderAndBinaryStreamEncoderThroughAsyncSend() throws Exception {
        RecordingClient c = connect("binary-stream");
        c.session().getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2}));
        assertArrayEquals(new byte[] {'S', 101, 2}, c.nextBinary().array());
    }

    @Test
    void primitivesAndStringsNeedNoEncoder() throws Exception {
        RecordingClient c = connect("builtin");
        c.send("four");
        assertEquals("4", c.nextText());
        assertEquals("four", c.nextText());
    }

    @Test
    void decodeExceptionReachesOnErrorWithTheMessage() throws Exception {
        assertEquals("DecodeException:not-a-point", connect("decode-error").ask("not-a-point"));
    }

    @Test
    void decoderIsInitialisedPerSessionAndDestroyedAtClose() throws Exception {
        String before = connect("decoder-lifecycle").ask("?");
        RecordingClient c = connect("text");
        assertEquals("T(1,1)", c.ask("0,0"));
        c.session().close();
        c.awaitClose();
        int[] counts = parse(before);
        // init ran for this session; destroy ran when it closed (the server may finish closing just after the client).
        String expected = (counts[0] + 1) + "/" + (counts[1] + 1);
        RecordingClient reporter = connect("decoder-lifecycle");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String now = reporter.ask("?");
        while (!now.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = reporter.ask("?");
        }
        assertEquals(expected, now);
    }

    private static int[] parse(String counts) {
        String[] parts = counts.split("/");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /** A client endpoint whose encoder and decoder are the same classes the server uses. */
    @ClientEndpoint(encoders = PointCoders.TextEncoder.class, decoders = PointCoders.TextDecoder.class)
    public static class PointClient {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

        @OnMessage
        public void onText(String text) {
            texts.add(text);
        }
    }

    @Test
    void clientEndpointEncodesWithItsOwnEncoder() throws Exception {
        PointClient endpoint = new PointClient();
        Session session = client.connectToServer(endpoint, ws("text"));
        session.getBasicRemote().sendObject(new Point(4, 5));
        // The client sends "T(4,5)"; the server's first decoder declines nothing, so it fails to parse.
        String answer = endpoint.texts.poll(10, TimeUnit.SECONDS);
        assertEquals("error:DecodeException", answer);
        session.close();
    }
}
