package dev.ferry.fuzz.seed;

import static dev.ferry.fuzz.seed.RawFrame.bytes;
import static dev.ferry.fuzz.seed.RawFrame.utf8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Seeds of {@code InflaterFuzzTest}: whether the inflater resets per message (no context
 * takeover), then either a compressed message as it would arrive (RFC 7692: deflate blocks, sync
 * flushed, without the final {@code 00 00 ff ff}), or plain bytes the test compresses itself and
 * then changes at the given places.
 */
final class InflaterSeeds {

    private static final int MAX_PLAIN = 200_000;
    private static final int MAX_FLIPS = 4;
    private static final String CHAT_JSON = "{\"type\":\"say\",\"from\":\"alice\",\"text\":\"Hello, permessage-deflate!\","
            + "\"time\":1732712345678,\"replay\":false}";

    private InflaterSeeds() {
    }

    private static Seed compressed(String name, boolean reset, byte[] message) {
        return new Seed(name, new FuzzInput().bool(reset).bool(true).remaining(message));
    }

    /** @param flips pairs of (position in the compressed bytes, value to XOR there) */
    private static Seed plainWithFlips(String name, boolean reset, byte[] plain, int... flips) {
        int compressedLength = compressAsTheTestDoes(plain).length;
        FuzzInput input = new FuzzInput().bool(reset).bool(false).intIn(0, MAX_PLAIN, plain.length).bytes(plain)
                .intIn(0, MAX_FLIPS, flips.length / 2);
        for (int i = 0; i < flips.length; i += 2) {
            input.intIn(0, compressedLength - 1, flips[i]).intIn(1, 255, flips[i + 1]);
        }
        return new Seed(name, input);
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        // RFC 7692, section 7.2.3, byte for byte.
        byte[] hello = bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);
        seeds.add(compressed("rfc7692-hello-context-takeover", false, hello));
        seeds.add(compressed("rfc7692-hello-no-context-takeover", true, hello));
        // The second "Hello" of 7.2.3.2 points back into the first message's window, which a new inflater lacks.
        seeds.add(compressed("rfc7692-second-hello-without-its-window", false, bytes(0xf2, 0x00, 0x11, 0x00, 0x00)));
        seeds.add(compressed("rfc7692-stored-block", true, bytes(0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00)));
        seeds.add(compressed("rfc7692-bfinal-set", false, bytes(0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00)));
        seeds.add(compressed("rfc7692-two-blocks", false,
                bytes(0xf2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xca, 0xc9, 0xc9, 0x07, 0x00)));
        seeds.add(compressed("empty-message", true, bytes(0x00)));
        seeds.add(compressed("nothing-at-all", false, new byte[0]));

        // Made by the JDK's deflater as a peer would: one message alone, and the second of two sharing a window.
        byte[][] twoMessages = deflateMessages(Deflater.DEFAULT_COMPRESSION, utf8(CHAT_JSON), utf8(CHAT_JSON.replace("alice", "bob")));
        seeds.add(compressed("chat-json-no-context-takeover", true, deflateMessages(Deflater.DEFAULT_COMPRESSION, utf8(CHAT_JSON))[0]));
        seeds.add(compressed("chat-json-first-of-two-context-takeover", false, twoMessages[0]));
        seeds.add(compressed("chat-json-second-of-two-without-its-window", false, twoMessages[1]));
        seeds.add(compressed("chat-json-stored-level-0", true, deflateMessages(Deflater.NO_COMPRESSION, utf8(CHAT_JSON))[0]));

        // Bombs: a few KiB that inflate to MiBs; the limit must stop them within one 16 KiB piece.
        seeds.add(compressed("bomb-4-mib-of-zeros", true, deflateMessages(Deflater.BEST_COMPRESSION, new byte[4 << 20])[0]));
        byte[] pattern = new byte[2 << 20];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) "ferry!".charAt(i % 6);
        }
        seeds.add(compressed("bomb-2-mib-repeating-text", false, deflateMessages(Deflater.BEST_COMPRESSION, pattern)[0]));

        // Broken streams.
        seeds.add(compressed("truncated-hello", true, Arrays.copyOf(hello, 4)));
        seeds.add(compressed("reserved-block-type-11", true, bytes(0x07, 0x00)));
        seeds.add(compressed("stored-block-length-check-wrong", true, bytes(0x00, 0x05, 0x00, 0x00, 0x00, 0x48, 0x65, 0x6c, 0x6c, 0x6f)));
        seeds.add(compressed("zlib-header-instead-of-raw-deflate", true, zlibWrapped(utf8("Hello"))));
        seeds.add(compressed("full-sync-flush-tail-left-in", false, bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00, 0x00, 0xff, 0xff)));

        // Plain bytes that the test compresses itself, with and without damage.
        seeds.add(plainWithFlips("plain-chat-json-intact", false, utf8(CHAT_JSON)));
        seeds.add(plainWithFlips("plain-chat-json-two-flips", true, utf8(CHAT_JSON), 3, 0x40, 20, 0xff));
        seeds.add(plainWithFlips("plain-hello-first-byte-flipped", false, utf8("Hello"), 0, 0x01));
        return seeds;
    }

    /**
     * Compresses each message in turn with one deflater (context takeover), sync flushed, each
     * without its final {@code 00 00 ff ff}, as RFC 7692 sends them.
     */
    static byte[][] deflateMessages(int level, byte[]... messages) {
        Deflater deflater = new Deflater(level, true);
        try {
            byte[][] out = new byte[messages.length][];
            for (int m = 0; m < messages.length; m++) {
                deflater.setInput(messages[m]);
                ByteArrayOutputStream compressed = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    compressed.write(buffer, 0, n);
                } while (n == buffer.length);
                byte[] all = compressed.toByteArray();
                out[m] = Arrays.copyOf(all, all.length - 4);
            }
            return out;
        } finally {
            deflater.end();
        }
    }

    /** What {@code InflaterFuzzTest.compress} makes of {@code plain}, to know how many bytes can be flipped. */
    private static byte[] compressAsTheTestDoes(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(plain);
            byte[] out = new byte[plain.length + 64];
            int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
            return Arrays.copyOf(out, Math.max(0, n - 4));
        } finally {
            deflater.end();
        }
    }

    private static byte[] zlibWrapped(byte[] plain) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(plain);
            deflater.finish();
            byte[] out = new byte[plain.length + 64];
            return Arrays.copyOf(out, deflater.deflate(out));
        } finally {
            deflater.end();
        }
    }
}
