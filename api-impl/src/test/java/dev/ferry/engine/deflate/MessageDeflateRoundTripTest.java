package dev.ferry.engine.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.engine.frame.WebSocketException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageDeflateRoundTripTest {

    private final ZlibPool pool = new ZlibPool(java.util.zip.Deflater.DEFAULT_COMPRESSION, 2);

    @AfterEach
    void close() {
        pool.close();
    }

    private static byte[] hex(String s) {
        String[] parts = s.split(" ");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    private static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    private static byte[] inflate(MessageInflater inflater, byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            inflater.inflate(ByteBuffer.wrap(f), piece -> out.writeBytes(array(piece)));
        }
        inflater.endOfMessage(piece -> out.writeBytes(array(piece)));
        return out.toByteArray();
    }

    @Test
    void rfc7692ExampleHelloCompressesAndInflatesByteExactly() {
        MessageDeflater deflater = new MessageDeflater(pool, false);
        byte[] compressed = array(deflater.deflate(ByteBuffer.wrap("Hello".getBytes(StandardCharsets.US_ASCII)), true));
        assertArrayEquals(hex("f2 48 cd c9 c9 07 00"), compressed);
        MessageInflater inflater = new MessageInflater(pool, false);
        assertEquals("Hello", new String(inflate(inflater, hex("f2 48 cd c9 c9 07 00")), StandardCharsets.US_ASCII));
        // Section 7.2.3.2: the second "Hello" refers back to the first one.
        assertEquals("Hello", new String(inflate(inflater, hex("f2 00 11 00 00")), StandardCharsets.US_ASCII));
        deflater.release();
        inflater.release();
    }

    @Test
    void rfc7692FragmentedExampleInflates() {
        MessageInflater inflater = new MessageInflater(pool, true);
        assertEquals("Hello", new String(inflate(inflater, hex("f2 48 cd"), hex("c9 c9 07 00")), StandardCharsets.US_ASCII));
    }

    @Test
    void manyMessagesRoundTripWithAndWithoutContextTakeover() {
        Random random = new Random(7);
        for (boolean reset : new boolean[] {false, true}) {
            MessageDeflater deflater = new MessageDeflater(pool, reset);
            MessageInflater inflater = new MessageInflater(pool, reset);
            for (int i = 0; i < 50; i++) {
                byte[] message = new byte[random.nextInt(100_000)];
                for (int j = 0; j < message.length; j++) {
                    message[j] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 3 : 26));
                }
                // Sent in up to three parts, as a fragmented message.
                int cut1 = message.length / 3;
                int cut2 = 2 * message.length / 3;
                byte[] p1 = array(deflater.deflate(ByteBuffer.wrap(message, 0, cut1), false));
                byte[] p2 = array(deflater.deflate(ByteBuffer.wrap(message, cut1, cut2 - cut1), false));
                byte[] p3 = array(deflater.deflate(ByteBuffer.wrap(message, cut2, message.length - cut2), true));
                assertArrayEquals(message, inflate(inflater, p1, p2, p3), "message " + i + " reset=" + reset);
            }
            deflater.release();
            inflater.release();
        }
    }

    @Test
    void garbageIsInvalidPayload() {
        MessageInflater inflater = new MessageInflater(pool, true);
        WebSocketException e = assertThrows(WebSocketException.class,
                () -> inflate(inflater, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12}));
        assertEquals(1007, e.closeCode());
    }

    @Test
    void piecesStartSmallAndGrowToAtMost16KiBWhileEveryByteComesBack() {
        byte[] message = new byte[300_000];
        new Random(3).nextBytes(message); // incompressible: inflating gives out full pieces
        for (boolean takeover : new boolean[] {true, false}) {
            MessageDeflater deflater = new MessageDeflater(pool, !takeover);
            MessageInflater inflater = new MessageInflater(pool, !takeover);
            for (int round = 0; round < 2; round++) {
                java.util.List<Integer> sizes = new java.util.ArrayList<>();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                inflater.inflate(deflater.deflate(ByteBuffer.wrap(message), true), piece -> {
                    sizes.add(piece.remaining());
                    out.writeBytes(array(piece));
                });
                inflater.endOfMessage(piece -> out.writeBytes(array(piece)));
                assertArrayEquals(message, out.toByteArray(), "takeover " + takeover + ", message " + round);
                assertEquals(16 * 1024, sizes.stream().mapToInt(Integer::intValue).max().getAsInt());
                if (!takeover || round == 0) {
                    assertEquals(1024, sizes.get(0), "a message's first piece (state taken afresh)");
                }
            }
            deflater.release();
            inflater.release();
        }
    }
}
