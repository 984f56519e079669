package dev.ferry.fuzz.seed;

import static dev.ferry.fuzz.seed.RawFrame.bytes;
import static dev.ferry.fuzz.seed.RawFrame.concat;
import static dev.ferry.fuzz.seed.RawFrame.utf8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seeds of {@code Utf8ValidatorFuzzTest}: where the bytes are split in two, then the bytes. Valid
 * text of every sequence length, and the classic malformations (overlong forms, surrogates, code
 * points past U+10FFFF, stray and missing continuation bytes), some of them split inside a
 * sequence or after a long ASCII run.
 */
final class Utf8Seeds {

    private Utf8Seeds() {
    }

    private static Seed seed(String name, int split, byte[] text) {
        return new Seed(name, new FuzzInput().intIn(0, 4096, split).remaining(text));
    }

    private static byte[] ascii(int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        byte[] euro = bytes(0xe2, 0x82, 0xac);
        byte[] grinning = bytes(0xf0, 0x9f, 0x98, 0x80); // U+1F600
        // Valid.
        seeds.add(seed("valid-ascii-hello", 0, utf8("Hello")));
        seeds.add(seed("valid-kosme-greek", 3, utf8("κόσμε")));
        seeds.add(seed("valid-mixed-1-to-4-byte-sequences", 0, utf8("a é € \uD83D\uDE00 z")));
        seeds.add(seed("valid-euro-split-after-first-byte", 2, concat(utf8("a"), euro, utf8("b"))));
        seeds.add(seed("valid-euro-split-after-second-byte", 3, concat(utf8("a"), euro, utf8("b"))));
        seeds.add(seed("valid-4-byte-split-after-third-byte", 3, grinning));
        seeds.add(seed("valid-last-code-point-u-10ffff", 0, bytes(0xf4, 0x8f, 0xbf, 0xbf)));
        seeds.add(seed("valid-first-3-byte-u-0800", 0, bytes(0xe0, 0xa0, 0x80)));
        seeds.add(seed("valid-before-surrogates-u-d7ff", 0, bytes(0xed, 0x9f, 0xbf)));
        seeds.add(seed("valid-after-surrogates-u-e000", 0, bytes(0xee, 0x80, 0x80)));
        seeds.add(seed("valid-noncharacters-u-fffe-u-ffff", 0, bytes(0xef, 0xbf, 0xbe, 0xef, 0xbf, 0xbf)));
        seeds.add(seed("valid-byte-order-mark", 0, concat(bytes(0xef, 0xbb, 0xbf), utf8("text"))));
        seeds.add(seed("valid-nul", 0, bytes(0x61, 0x00, 0x62)));
        seeds.add(seed("valid-long-ascii-then-multibyte-at-odd-offset", 4096, concat(ascii(1021), euro, ascii(1000))));
        seeds.add(seed("valid-empty", 0, new byte[0]));
        // Overlong forms.
        seeds.add(seed("invalid-overlong-slash-2-byte", 0, bytes(0xc0, 0xaf)));
        seeds.add(seed("invalid-overlong-nul-2-byte", 0, bytes(0xc0, 0x80)));
        seeds.add(seed("invalid-overlong-max-2-byte-c1", 0, bytes(0xc1, 0xbf)));
        seeds.add(seed("invalid-overlong-slash-3-byte", 0, bytes(0xe0, 0x80, 0xaf)));
        seeds.add(seed("invalid-overlong-max-3-byte", 0, bytes(0xe0, 0x9f, 0xbf)));
        seeds.add(seed("invalid-overlong-slash-4-byte", 0, bytes(0xf0, 0x80, 0x80, 0xaf)));
        seeds.add(seed("invalid-overlong-max-4-byte", 0, bytes(0xf0, 0x8f, 0xbf, 0xbf)));
        // Surrogates, encoded as if they were characters.
        seeds.add(seed("invalid-high-surrogate-u-d800", 0, bytes(0xed, 0xa0, 0x80)));
        seeds.add(seed("invalid-low-surrogate-u-dfff", 0, bytes(0xed, 0xbf, 0xbf)));
        seeds.add(seed("invalid-surrogate-pair-cesu-8", 0, bytes(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80)));
        seeds.add(seed("invalid-surrogate-split-after-first-byte", 1, bytes(0xed, 0xa0, 0x80)));
        // Past U+10FFFF, and bytes that never occur.
        seeds.add(seed("invalid-u-110000", 0, bytes(0xf4, 0x90, 0x80, 0x80)));
        seeds.add(seed("invalid-lead-byte-f5", 0, bytes(0xf5, 0x80, 0x80, 0x80)));
        seeds.add(seed("invalid-bytes-fe-ff", 0, bytes(0x61, 0xfe, 0xff)));
        seeds.add(seed("invalid-5-byte-form", 0, bytes(0xf8, 0x88, 0x80, 0x80, 0x80)));
        // Continuation bytes where they do not belong, or missing.
        seeds.add(seed("invalid-lone-continuation-byte", 0, bytes(0x61, 0x80, 0x62)));
        seeds.add(seed("invalid-truncated-euro-at-end", 0, bytes(0x61, 0xe2, 0x82)));
        seeds.add(seed("invalid-truncated-4-byte-at-end", 2, bytes(0xf0, 0x9f, 0x98)));
        seeds.add(seed("invalid-lead-byte-followed-by-ascii", 0, bytes(0xc3, 0x41)));
        seeds.add(seed("invalid-kosme-with-stray-byte", 0, concat(utf8("κό"), bytes(0x80), utf8("σμε"))));
        seeds.add(seed("invalid-after-long-ascii-run", 2048, concat(ascii(4000), bytes(0xc0, 0xaf), ascii(10))));
        return seeds;
    }
}
