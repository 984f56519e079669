package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskerTest {

    private static final int KEY = 0x37fa213d;

    /** The RFC's definition, one octet at a time: j-th byte XOR key octet ((offset + j) mod 4). */
    private static void referenceMask(byte[] a, int from, int length, int key, int offset) {
        for (int j = 0; j < length; j++) {
            int octet = (offset + j) & 3;
            a[from + j] ^= (byte) (key >>> (24 - 8 * octet));
        }
    }

    @Test
    void masksRfcHelloExample() {
        ByteBuffer buf = ByteBuffer.wrap("Hello".getBytes());
        Masker.mask(buf, 0, 5, KEY, 0);
        assertEquals("7f 9f 4d 51 58", Hex.of(buf.array()));
        Masker.mask(buf, 0, 5, KEY, 0);
        assertEquals("Hello", new String(buf.array()));
    }

    @Test
    void equalsByteByByteReferenceForAllLengthsOffsetsAndAlignments() {
        Random random = new Random(42);
        for (boolean direct : new boolean[] {false, true}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                for (int length = 0; length <= 40; length++) {
                    for (int offset = 0; offset < 4; offset++) {
                        for (int from = 0; from < 8; from++) {
                            int key = random.nextInt();
                            byte[] original = new byte[from + length + 8];
                            random.nextBytes(original);
                            byte[] expected = original.clone();
                            referenceMask(expected, from, length, key, offset);

                            ByteBuffer buf = direct ? ByteBuffer.allocateDirect(original.length)
                                    : ByteBuffer.allocate(original.length);
                            buf.put(original).position(3).limit(original.length - 1).order(order);
                            Masker.mask(buf, from, length, key, offset);

                            String what = (direct ? "direct" : "heap") + " " + order + " length=" + length
                                    + " offset=" + offset + " from=" + from;
                            assertEquals(3, buf.position(), what);
                            assertEquals(original.length - 1, buf.limit(), what);
                            assertEquals(order, buf.order(), what);
                            byte[] actual = new byte[original.length];
                            buf.duplicate().clear().get(actual);
                            assertArrayEquals(expected, actual, what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void worksOnSliceWithNonZeroArrayOffset() {
        byte[] backing = new byte[64];
        new Random(7).nextBytes(backing);
        byte[] expected = backing.clone();
        referenceMask(expected, 5 + 2, 30, KEY, 1);
        ByteBuffer slice = ByteBuffer.wrap(backing).position(5).slice();
        Masker.mask(slice, 2, 30, KEY, 1);
        assertArrayEquals(expected, backing);
    }

    @Test
    void resumingWithNextOffsetEqualsOneCall() {
        Random random = new Random(3);
        byte[] data = new byte[100];
        random.nextBytes(data);
        byte[] whole = data.clone();
        Masker.mask(ByteBuffer.wrap(whole), 0, 100, KEY, 0);
        for (int cut1 = 0; cut1 <= 100; cut1 += 7) {
            for (int cut2 = cut1; cut2 <= 100; cut2 += 5) {
                byte[] pieces = data.clone();
                ByteBuffer buf = ByteBuffer.wrap(pieces);
                int offset = 0;
                Masker.mask(buf, 0, cut1, KEY, offset);
                offset = Masker.nextOffset(offset, cut1);
                Masker.mask(buf, cut1, cut2 - cut1, KEY, offset);
                offset = Masker.nextOffset(offset, cut2 - cut1);
                Masker.mask(buf, cut2, 100 - cut2, KEY, offset);
                assertArrayEquals(whole, pieces, "cuts " + cut1 + "," + cut2);
            }
        }
    }

    @Test
    void nextOffsetWrapsModuloFour() {
        assertEquals(0, Masker.nextOffset(0, 0));
        assertEquals(1, Masker.nextOffset(0, 1));
        assertEquals(0, Masker.nextOffset(3, 1));
        assertEquals(2, Masker.nextOffset(3, 7));
        assertEquals(3, Masker.nextOffset(2, (1L << 40) + 1));
    }

    @Test
    void rejectsOutOfRangeArguments() {
        ByteBuffer buf = ByteBuffer.allocate(10);
        assertThrows(IndexOutOfBoundsException.class, () -> Masker.mask(buf, 5, 6, KEY, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Masker.mask(buf, -1, 2, KEY, 0));
        assertThrows(IllegalArgumentException.class, () -> Masker.mask(buf, 0, 2, KEY, 4));
    }
}
