package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Utf8ValidatorTest {

    private static final int VALID = -1;
    /** Valid so far, but the message ends inside a sequence. */
    private static final int TRUNCATED = -2;
    private static final Pattern OFFSET = Pattern.compile("at message offset (\\d+)");

    record Case(String name, String hex, int failIndex) {
        byte[] bytes() {
            return Hex.bytes(hex);
        }

        @Override
        public String toString() {
            return name + " [" + hex + "]";
        }
    }

    /** In the spirit of Autobahn test cases 6.x, with the index of the byte that must fail. */
    static List<Case> adversarial() {
        return List.of(
                new Case("kosme", "ce ba e1 bd b9 cf 83 ce bc ce b5", VALID),
                new Case("Hello-µ@ßöäüàá-UTF-8!!", Hex.of("Hello-µ@ßöäüàá-UTF-8!!".getBytes(StandardCharsets.UTF_8)), VALID),
                new Case("U+0000", "00", VALID),
                new Case("U+007F", "7f", VALID),
                new Case("U+0080", "c2 80", VALID),
                new Case("U+07FF", "df bf", VALID),
                new Case("U+0800", "e0 a0 80", VALID),
                new Case("U+D7FF", "ed 9f bf", VALID),
                new Case("U+E000", "ee 80 80", VALID),
                new Case("U+FFFE noncharacter", "ef bf be", VALID),
                new Case("U+FFFF", "ef bf bf", VALID),
                new Case("U+10000", "f0 90 80 80", VALID),
                new Case("U+10FFFF", "f4 8f bf bf", VALID),
                new Case("emoji after ASCII word", "41 42 43 44 45 46 47 48 49 f0 9f 98 80 4a", VALID),
                new Case("overlong NUL, 2 bytes", "c0 80", 0),
                new Case("overlong slash, 2 bytes", "c0 af", 0),
                new Case("overlong U+007F", "c1 bf", 0),
                new Case("overlong NUL, 3 bytes", "e0 80 80", 1),
                new Case("overlong slash, 3 bytes", "e0 80 af", 1),
                new Case("overlong U+07FF, 3 bytes", "e0 9f bf", 1),
                new Case("overlong NUL, 4 bytes", "f0 80 80 80", 1),
                new Case("overlong U+FFFF, 4 bytes", "f0 8f bf bf", 1),
                new Case("surrogate U+D800", "ed a0 80", 1),
                new Case("surrogate U+DFFF", "ed bf bf", 1),
                new Case("surrogate pair", "ed a0 80 ed b0 80", 1),
                new Case("kosme then surrogate", "ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64", 12),
                new Case("U+110000", "f4 90 80 80", 1),
                new Case("F5 lead", "f5 80 80 80", 0),
                new Case("F7 lead", "f7 bf bf bf", 0),
                new Case("5-byte form", "f8 88 80 80 80", 0),
                new Case("6-byte form", "fc 84 80 80 80 80", 0),
                new Case("FE", "fe", 0),
                new Case("FF", "ff", 0),
                new Case("FE FE FF FF", "fe fe ff ff", 0),
                new Case("lone continuation 80", "80", 0),
                new Case("lone continuation BF", "bf", 0),
                new Case("continuations only", "80 bf 80", 0),
                new Case("continuation after ASCII", "41 42 80", 2),
                new Case("continuation after complete 2-byte", "c2 80 80", 2),
                new Case("2-byte lead then ASCII", "ce 41", 1),
                new Case("3-byte sequence cut by ASCII", "e1 bd 41", 2),
                new Case("4-byte sequence cut by ASCII", "f0 9f 98 41", 3),
                new Case("lead after lead", "c2 c2 80", 1),
                new Case("bad byte after 8 ASCII", "41 41 41 41 41 41 41 41 c0", 8),
                new Case("bad byte after 17 ASCII", "41 ".repeat(17) + "ff", 17),
                new Case("truncated 2-byte", "ce", TRUNCATED),
                new Case("truncated 3-byte", "e1 bd", TRUNCATED),
                new Case("truncated 4-byte", "f0 9f 98", TRUNCATED),
                new Case("valid then truncated U+10FFFF", "41 42 f4 8f bf", TRUNCATED));
    }

    private static final Utf8Reference REFERENCE = new Utf8Reference();

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void tableAgreesWithJdkReference(Case c) {
        byte[] a = c.bytes();
        assertEquals(c.failIndex() == VALID, REFERENCE.isValid(a, a.length));
        assertEquals(c.failIndex() >= 0 ? c.failIndex() : -1, REFERENCE.firstInvalidIndex(a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void adversarialWholeAndEverySplit(Case c) {
        byte[] a = c.bytes();
        for (int i = 0; i <= a.length; i++) {
            for (int j = i; j <= a.length; j++) {
                checkSplit(a, c.failIndex(), i, j);
            }
        }
        int[] everyByte = new int[a.length];
        for (int k = 0; k < a.length; k++) {
            everyByte[k] = k;
        }
        checkSplit(a, c.failIndex(), everyByte);
    }

    @Test
    void randomStringsAgreeWithJdkReference() {
        Random random = new Random(2024);
        int valid = 0;
        int invalid = 0;
        int truncated = 0;
        for (int n = 0; n < 1500; n++) {
            byte[] a = randomUtf8ish(random);
            int failIndex = REFERENCE.firstInvalidIndex(a);
            int expected = failIndex >= 0 ? failIndex : REFERENCE.isValid(a, a.length) ? VALID : TRUNCATED;
            if (expected == VALID) {
                valid++;
            } else if (expected == TRUNCATED) {
                truncated++;
            } else {
                invalid++;
            }
            checkSplit(a, expected);
            checkSplit(a, expected, random.nextInt(a.length + 1));
            int x = random.nextInt(a.length + 1);
            int y = random.nextInt(a.length + 1);
            checkSplit(a, expected, Math.min(x, y), Math.max(x, y));
        }
        // The generator must exercise all three outcomes.
        assertTrue(valid > 150 && invalid > 150 && truncated > 50, valid + "/" + invalid + "/" + truncated);
    }

    @Test
    void pendingBytesAtEverySplitOfValidText() {
        String text = "aé€😀 κόσμε ASCII words here 𝄞";
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k <= a.length; k++) {
            Utf8Validator v = new Utf8Validator();
            v.validate(a, 0, k);
            int expected = REFERENCE.pendingBytes(a, k);
            assertEquals(expected, v.pendingBytes(), "after " + k + " bytes");
            assertEquals(expected == 0, v.isComplete(), "after " + k + " bytes");
            v.validate(a, k, a.length - k);
            assertTrue(v.isComplete());
            v.endOfMessage();
        }
    }

    @Test
    void asciiFastPathFailsAtTheExactByteForEveryAlignment() {
        for (boolean direct : new boolean[] {false, true}) {
            for (int start = 0; start < 8; start++) {
                for (int length = 1; length <= 40; length++) {
                    for (int bad = 0; bad < length; bad++) {
                        ByteBuffer buf = direct ? ByteBuffer.allocateDirect(start + length) : ByteBuffer.allocate(start + length);
                        for (int i = 0; i < start + length; i++) {
                            buf.put(i, (byte) 'a');
                        }
                        buf.put(start + bad, (byte) 0x80);
                        buf.position(start);
                        Utf8Validator v = new Utf8Validator();
                        WebSocketException e = assertThrows(WebSocketException.class, () -> v.validate(buf));
                        assertEquals(bad, offsetOf(e), "start=" + start + " length=" + length);
                        assertEquals(start, buf.position(), "position untouched");
                    }
                }
            }
        }
    }

    @Test
    void validatesOnlyBetweenPositionAndLimitWithoutMovingPosition() {
        ByteBuffer buf = ByteBuffer.wrap(Hex.bytes("ff 41 42 c3 a9 ff"));
        buf.position(1).limit(5);
        Utf8Validator v = new Utf8Validator();
        v.validate(buf);
        assertEquals(1, buf.position());
        assertEquals(5, buf.limit());
        assertTrue(v.isComplete());

        Utf8Validator arrays = new Utf8Validator();
        arrays.validate(Hex.bytes("ff c3 ff"), 1, 1);
        assertEquals(1, arrays.pendingBytes());
        arrays.validate(Hex.bytes("a9"), 0, 1);
        assertTrue(arrays.isComplete());
    }

    @Test
    void errorMessagesNameTheByteAndOffset() {
        Utf8Validator v = new Utf8Validator();
        v.validate(Hex.bytes("41 42"), 0, 2);
        WebSocketException e = assertThrows(WebSocketException.class, () -> v.validate(Hex.bytes("f4 90"), 0, 2));
        assertEquals(1007, e.closeCode());
        assertEquals("Invalid UTF-8: byte 0x90 at message offset 3 (byte 2 of a 4-byte sequence)", e.getMessage());

        Utf8Validator lone = new Utf8Validator();
        WebSocketException e2 = assertThrows(WebSocketException.class, () -> lone.validate(Hex.bytes("c0"), 0, 1));
        assertEquals("Invalid UTF-8: byte 0xC0 at message offset 0", e2.getMessage());
    }

    @Test
    void endOfMessageReportsTruncationAndResets() {
        Utf8Validator v = new Utf8Validator();
        v.validate(Hex.bytes("41 f0 9f"), 0, 3);
        assertEquals(2, v.pendingBytes());
        WebSocketException e = assertThrows(WebSocketException.class, v::endOfMessage);
        assertEquals(1007, e.closeCode());
        assertEquals("Invalid UTF-8: message ends inside a 4-byte sequence after 2 bytes", e.getMessage());
        assertTrue(v.isComplete(), "reset after the failure");
        assertEquals(0, v.pendingBytes());
        v.validate(Hex.bytes("c3 a9"), 0, 2);
        v.endOfMessage();
    }

    @Test
    void stateCarriesAcrossMessagesOnlyUntilReset() {
        Utf8Validator v = new Utf8Validator();
        v.validate(Hex.bytes("e2 82"), 0, 2);
        v.reset();
        assertTrue(v.isComplete());
        // Without the reset, 0xAC would complete the euro sign; after it, it is a lone continuation.
        WebSocketException e = assertThrows(WebSocketException.class, () -> v.validate(Hex.bytes("ac"), 0, 1));
        assertEquals(0, offsetOf(e));
    }

    @Test
    void staysFailedAfterInvalidByte() {
        Utf8Validator v = new Utf8Validator();
        assertThrows(WebSocketException.class, () -> v.validate(Hex.bytes("ff"), 0, 1));
        assertFalse(v.isComplete());
        assertThrows(WebSocketException.class, () -> v.validate(Hex.bytes("41"), 0, 1));
        assertThrows(WebSocketException.class, v::endOfMessage);
        v.validate(Hex.bytes("41"), 0, 1);
    }

    /**
     * Validates {@code a} cut at {@code cuts} and checks the outcome: which call fails and at which
     * message offset, or else completeness, pendingBytes at each cut and endOfMessage.
     */
    private static void checkSplit(byte[] a, int expected, int... cuts) {
        Utf8Validator v = new Utf8Validator();
        int start = 0;
        String what = Hex.of(a) + " cut at " + java.util.Arrays.toString(cuts);
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : a.length;
            int from = start;
            if (expected >= 0 && expected < end && expected >= start) {
                WebSocketException e = assertThrows(WebSocketException.class,
                        () -> v.validate(ByteBuffer.wrap(a, from, end - from)), what);
                assertEquals(1007, e.closeCode());
                assertEquals(expected, offsetOf(e), what);
                return;
            }
            v.validate(ByteBuffer.wrap(a, from, end - from));
            assertEquals(REFERENCE.pendingBytes(a, end), v.pendingBytes(), what + " pending after " + end);
            start = end;
        }
        if (expected >= 0) {
            fail("no failure at " + expected + ": " + what);
        }
        assertEquals(expected == VALID, v.isComplete(), what);
        if (expected == VALID) {
            v.endOfMessage();
        } else {
            assertEquals(1007, assertThrows(WebSocketException.class, v::endOfMessage, what).closeCode());
        }
    }

    private static int offsetOf(WebSocketException e) {
        Matcher m = OFFSET.matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        return Integer.parseInt(m.group(1));
    }

    /** Mostly valid text with occasional hostile bytes, so failures land at varied positions. */
    private static byte[] randomUtf8ish(Random random) {
        byte[] hostile = Hex.bytes("80 8f 90 9f a0 bf c0 c1 c2 df e0 ed ef f0 f4 f5 ff");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(8);
        for (int p = 0; p < pieces; p++) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                int run = random.nextInt(20);
                for (int i = 0; i < run; i++) {
                    out.write(0x20 + random.nextInt(0x5F));
                }
            } else if (kind < 8) {
                int cp;
                do {
                    cp = switch (random.nextInt(3)) {
                        case 0 -> 0x80 + random.nextInt(0x800 - 0x80);
                        case 1 -> 0x800 + random.nextInt(0x10000 - 0x800);
                        default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
                    };
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                // Sometimes drop the tail of a sequence to make it truncated.
                int keep = random.nextInt(6) == 0 ? 1 + random.nextInt(enc.length) : enc.length;
                out.write(enc, 0, keep);
            } else {
                out.write(hostile[random.nextInt(hostile.length)]);
            }
        }
        return out.toByteArray();
    }

    @Test
    void generatorSanity() {
        // Guards the test itself: the reference must see kosme as valid and C0 80 as invalid.
        List<byte[]> samples = new ArrayList<>();
        samples.add(Hex.bytes("ce ba e1 bd b9 cf 83 ce bc ce b5"));
        assertTrue(REFERENCE.isValid(samples.get(0), samples.get(0).length));
        assertFalse(REFERENCE.isValid(Hex.bytes("c0 80"), 2));
        assertFalse(REFERENCE.isValid(Hex.bytes("ed a0 80"), 3));
        assertFalse(REFERENCE.isValid(Hex.bytes("f4 90 80 80"), 4));
    }
}
