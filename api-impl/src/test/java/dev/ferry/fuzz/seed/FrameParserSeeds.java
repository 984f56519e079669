package dev.ferry.fuzz.seed;

import static dev.ferry.fuzz.seed.RawFrame.BINARY;
import static dev.ferry.fuzz.seed.RawFrame.CLOSE;
import static dev.ferry.fuzz.seed.RawFrame.CONTINUATION;
import static dev.ferry.fuzz.seed.RawFrame.PING;
import static dev.ferry.fuzz.seed.RawFrame.PONG;
import static dev.ferry.fuzz.seed.RawFrame.RFC_MASK;
import static dev.ferry.fuzz.seed.RawFrame.TEXT;
import static dev.ferry.fuzz.seed.RawFrame.bytes;
import static dev.ferry.fuzz.seed.RawFrame.closePayload;
import static dev.ferry.fuzz.seed.RawFrame.concat;
import static dev.ferry.fuzz.seed.RawFrame.counting;
import static dev.ferry.fuzz.seed.RawFrame.masked;
import static dev.ferry.fuzz.seed.RawFrame.unmasked;
import static dev.ferry.fuzz.seed.RawFrame.utf8;
import static dev.ferry.fuzz.seed.RawFrame.withLengthCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeds of {@code FrameParserFuzzTest}: which side parses ({@code true} = a server, reading masked
 * client frames), the RSV bits extensions own, the frame size limit, then the byte stream.
 */
final class FrameParserSeeds {

    private static final long ONE_MIB = 1 << 20;
    private static final byte[] HELLO = utf8("Hello");
    /** RFC 7692, section 7.2.3.1: "Hello" compressed, the deflate block's tail removed. */
    private static final byte[] HELLO_DEFLATED = bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);

    private FrameParserSeeds() {
    }

    private static Seed seed(String name, boolean server, int rsv, long maxFrame, byte[]... frames) {
        return new Seed(name, new FuzzInput().bool(server).intIn(0, 7, rsv).longIn(0, ONE_MIB, maxFrame)
                .remaining(concat(frames)));
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        // RFC 6455, section 5.7, byte for byte.
        seeds.add(seed("rfc6455-unmasked-text-hello", false, 0, ONE_MIB, bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f)));
        seeds.add(seed("rfc6455-masked-text-hello", true, 0, ONE_MIB,
                bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)));
        seeds.add(seed("rfc6455-fragmented-unmasked-text", false, 0, ONE_MIB,
                bytes(0x01, 0x03, 0x48, 0x65, 0x6c), bytes(0x80, 0x02, 0x6c, 0x6f)));
        seeds.add(seed("rfc6455-unmasked-ping", false, 0, ONE_MIB, bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f)));
        seeds.add(seed("rfc6455-masked-pong", true, 0, ONE_MIB,
                bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)));
        seeds.add(seed("rfc6455-256-byte-binary-16-bit-length", false, 0, ONE_MIB, unmasked(true, 0, BINARY, counting(256))));
        seeds.add(seed("rfc6455-64kib-binary-64-bit-length", false, 0, ONE_MIB,
                withLengthCode(true, 0, BINARY, 127, 65536, counting(65536), false, 0)));

        // The same shapes from a client, and a conversation with control frames between fragments.
        seeds.add(seed("masked-256-byte-binary", true, 0, ONE_MIB, masked(true, 0, BINARY, counting(256), RFC_MASK)));
        seeds.add(seed("masked-fragments-with-ping-between", true, 0, ONE_MIB,
                masked(false, 0, TEXT, utf8("Hel"), RFC_MASK),
                masked(true, 0, PING, utf8("are you there?"), 0x01020304),
                masked(false, 0, CONTINUATION, utf8("l"), 0x7f7f7f7f),
                masked(true, 0, CONTINUATION, utf8("o"), 0),
                masked(true, 0, CLOSE, closePayload(1000, "bye"), 0xdeadbeef)));
        seeds.add(seed("close-frames-with-codes-and-reasons", true, 0, ONE_MIB,
                masked(true, 0, CLOSE, closePayload(1001, "going away"), RFC_MASK),
                masked(true, 0, CLOSE, new byte[0], RFC_MASK),
                masked(true, 0, CLOSE, closePayload(4000, "application code, reason in UTF-8: grüß"), RFC_MASK)));
        seeds.add(seed("empty-frames", true, 0, ONE_MIB,
                masked(true, 0, TEXT, new byte[0], 0), masked(true, 0, BINARY, new byte[0], RFC_MASK),
                masked(true, 0, PING, new byte[0], 0), masked(true, 0, PONG, new byte[0], 0)));
        seeds.add(seed("max-control-payload-125", true, 0, ONE_MIB, masked(true, 0, PING, counting(125), RFC_MASK)));
        seeds.add(seed("non-minimal-16-bit-length", true, 0, ONE_MIB,
                withLengthCode(true, 0, TEXT, 126, 5, HELLO, true, RFC_MASK)));
        seeds.add(seed("non-minimal-64-bit-length", false, 0, ONE_MIB,
                withLengthCode(true, 0, TEXT, 127, 5, HELLO, false, 0)));
        seeds.add(seed("rfc7692-compressed-hello-rsv1-allowed", false, 4, ONE_MIB, unmasked(true, 4, TEXT, HELLO_DEFLATED)));
        seeds.add(seed("rsv-bits-all-allowed", true, 7, ONE_MIB, masked(true, 7, BINARY, HELLO, RFC_MASK)));
        seeds.add(seed("announced-longer-than-sent", false, 0, ONE_MIB,
                withLengthCode(true, 0, BINARY, 126, 1000, counting(10), false, 0)));

        // Broken frames: each must fail with 1002, or 1009 for the size limit.
        seeds.add(seed("invalid-reserved-data-opcode-3", true, 0, ONE_MIB, masked(true, 0, 0x3, HELLO, RFC_MASK)));
        seeds.add(seed("invalid-reserved-control-opcode-b", true, 0, ONE_MIB, masked(true, 0, 0xB, HELLO, RFC_MASK)));
        seeds.add(seed("invalid-rsv1-without-extension", false, 0, ONE_MIB, unmasked(true, 4, TEXT, HELLO_DEFLATED)));
        seeds.add(seed("invalid-rsv2-rsv3-with-rsv1-extension", true, 4, ONE_MIB, masked(true, 3, TEXT, HELLO, RFC_MASK)));
        seeds.add(seed("invalid-ping-126-bytes-16-bit-length", true, 0, ONE_MIB, masked(true, 0, PING, counting(126), RFC_MASK)));
        seeds.add(seed("invalid-close-64-bit-length", false, 0, ONE_MIB,
                withLengthCode(true, 0, CLOSE, 127, 2, closePayload(1000, ""), false, 0)));
        seeds.add(seed("invalid-fragmented-ping", true, 0, ONE_MIB, masked(false, 0, PING, HELLO, RFC_MASK)));
        seeds.add(seed("invalid-continuation-without-start", true, 0, ONE_MIB, masked(true, 0, CONTINUATION, HELLO, RFC_MASK)));
        seeds.add(seed("invalid-text-inside-fragmented-message", true, 0, ONE_MIB,
                masked(false, 0, TEXT, utf8("Hel"), RFC_MASK), masked(true, 0, TEXT, utf8("lo"), RFC_MASK)));
        seeds.add(seed("invalid-unmasked-frame-to-server", true, 0, ONE_MIB, bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f)));
        seeds.add(seed("invalid-masked-frame-to-client", false, 0, ONE_MIB,
                bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)));
        seeds.add(seed("invalid-64-bit-length-top-bit-set", false, 0, ONE_MIB,
                withLengthCode(true, 0, BINARY, 127, 0x8000_0000_0000_0005L, HELLO, false, 0)));
        seeds.add(seed("too-big-256-bytes-over-limit-255", false, 0, 255, unmasked(true, 0, BINARY, counting(256))));
        seeds.add(seed("too-big-64kib-header-over-limit", true, 0, 65535,
                withLengthCode(true, 0, BINARY, 127, 65536, counting(16), true, RFC_MASK)));
        seeds.add(seed("too-big-any-payload-limit-0", true, 0, 0, masked(true, 0, TEXT, HELLO, RFC_MASK)));
        return seeds;
    }
}
