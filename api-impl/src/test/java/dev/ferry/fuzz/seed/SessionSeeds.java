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
import static dev.ferry.fuzz.seed.RawFrame.counting;
import static dev.ferry.fuzz.seed.RawFrame.utf8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Seeds of {@code SessionFuzzTest}: up to eight steps, each a frame the test encodes from its
 * fields (FIN, RSV, opcode, payload of up to 300 bytes, masked or not, masking key) or up to 64
 * raw bytes, fed to a server session that echoes text and binary messages.
 */
final class SessionSeeds {

    private static final int MAX_STEPS = 8;
    private static final int MAX_PAYLOAD = 300;
    private static final int MAX_RAW = 64;

    private SessionSeeds() {
    }

    /** A client's side of a conversation, step by step. */
    private static final class Conversation {
        private final List<Consumer<FuzzInput>> steps = new ArrayList<>();

        Conversation frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked, int maskKey) {
            if (payload.length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("payload over " + MAX_PAYLOAD + " bytes");
            }
            steps.add(in -> in.bool(true).bool(fin).intIn(0, 7, rsv).intIn(0, 15, opcode)
                    .intIn(0, MAX_PAYLOAD, payload.length).bytes(payload).intIn(0, 9, masked ? 1 : 0).anyInt(maskKey));
            return this;
        }

        /** A whole masked frame with no RSV bits, as a well-behaved client sends. */
        Conversation send(int opcode, byte[] payload) {
            return frame(true, 0, opcode, payload, true, RFC_MASK);
        }

        Conversation raw(byte[] bytes) {
            if (bytes.length > MAX_RAW) {
                throw new IllegalArgumentException("raw step over " + MAX_RAW + " bytes");
            }
            steps.add(in -> in.bool(false).intIn(0, MAX_RAW, bytes.length).bytes(bytes));
            return this;
        }

        Conversation closeNormally() {
            return send(CLOSE, closePayload(1000, "bye"));
        }

        Seed named(String name) {
            if (steps.size() > MAX_STEPS) {
                throw new IllegalArgumentException(name + " has more than " + MAX_STEPS + " steps");
            }
            FuzzInput input = new FuzzInput().intIn(0, MAX_STEPS, steps.size());
            steps.forEach(step -> step.accept(input));
            return new Seed(name, input);
        }
    }

    private static Conversation client() {
        return new Conversation();
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        byte[] rfcMaskedHello = bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
        seeds.add(client().send(TEXT, utf8("Hello")).closeNormally().named("echo-text-then-close"));
        seeds.add(client().send(BINARY, counting(256)).send(BINARY, new byte[0]).closeNormally().named("echo-binary-256-and-empty"));
        seeds.add(client().frame(false, 0, TEXT, utf8("Hel"), true, RFC_MASK).send(PING, utf8("ping between fragments"))
                .frame(false, 0, CONTINUATION, utf8("l"), true, 0).frame(true, 0, CONTINUATION, utf8("o"), true, -1)
                .closeNormally().named("fragmented-text-with-ping-between"));
        seeds.add(client().frame(false, 0, TEXT, bytes(0x61, 0xe2), true, RFC_MASK)
                .frame(true, 0, CONTINUATION, bytes(0x82, 0xac), true, RFC_MASK).closeNormally()
                .named("euro-sign-split-across-fragments"));
        seeds.add(client().send(PING, utf8("Hello")).send(PONG, utf8("unsolicited")).closeNormally().named("ping-and-unsolicited-pong"));
        seeds.add(client().raw(Arrays.copyOfRange(rfcMaskedHello, 0, 4)).raw(Arrays.copyOfRange(rfcMaskedHello, 4, 11))
                .closeNormally().named("rfc6455-masked-hello-in-two-reads"));
        seeds.add(client().send(CLOSE, closePayload(1001, "going away")).named("close-1001-with-reason"));
        seeds.add(client().send(CLOSE, new byte[0]).named("close-without-payload"));
        seeds.add(client().send(CLOSE, closePayload(4999, "application-defined")).named("close-4999"));
        seeds.add(client().send(TEXT, utf8("after this, nothing")).closeNormally().send(TEXT, utf8("too late"))
                .named("text-after-close"));

        // Each of these must end in one close with a code that may travel on the wire.
        seeds.add(client().send(CLOSE, bytes(0x03)).named("invalid-close-payload-of-one-byte"));
        for (int code : new int[] {999, 1004, 1005, 1006, 1015, 2999, 5000}) {
            seeds.add(client().send(CLOSE, closePayload(code, "")).named("invalid-close-code-" + code));
        }
        seeds.add(client().send(CLOSE, closePayload(1000, bytes(0xc0, 0xaf))).named("invalid-close-reason-overlong-utf8"));
        seeds.add(client().frame(true, 0, TEXT, utf8("Hello"), false, 0).named("invalid-unmasked-text"));
        seeds.add(client().send(0x3, utf8("Hello")).named("invalid-reserved-opcode-3"));
        seeds.add(client().send(0xB, new byte[0]).named("invalid-reserved-control-opcode-b"));
        seeds.add(client().frame(true, 4, TEXT, utf8("Hello"), true, RFC_MASK).named("invalid-rsv1-without-extension"));
        seeds.add(client().send(PING, counting(126)).named("invalid-ping-of-126-bytes"));
        seeds.add(client().frame(false, 0, PING, utf8("Hello"), true, RFC_MASK).named("invalid-fragmented-ping"));
        seeds.add(client().send(CONTINUATION, utf8("Hello")).named("invalid-continuation-without-start"));
        seeds.add(client().frame(false, 0, TEXT, utf8("Hel"), true, RFC_MASK).send(TEXT, utf8("lo"))
                .named("invalid-text-inside-fragmented-message"));
        seeds.add(client().send(TEXT, bytes(0x6f, 0x6b, 0xc0, 0x80)).named("invalid-utf8-overlong-nul"));
        seeds.add(client().send(TEXT, bytes(0xed, 0xa0, 0x80)).named("invalid-utf8-surrogate"));
        seeds.add(client().send(TEXT, bytes(0xf4, 0x90, 0x80, 0x80)).named("invalid-utf8-past-u-10ffff"));
        seeds.add(client().frame(false, 0, TEXT, bytes(0x61, 0xe2), true, RFC_MASK)
                .frame(true, 0, CONTINUATION, bytes(0x41), true, RFC_MASK).named("invalid-utf8-sequence-broken-across-fragments"));
        seeds.add(client().raw(utf8("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")).named("raw-http-request-instead-of-frames"));
        seeds.add(client().raw(bytes(0x82, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 5)).named("raw-64-bit-length-top-bit-set"));
        seeds.add(client().raw(bytes(0x82, 0xfe, 0xff, 0xff, 1, 2, 3, 4)).send(TEXT, utf8("inside the binary payload"))
                .named("raw-header-announcing-64-kib-then-frames"));
        return seeds;
    }
}
