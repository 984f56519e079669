package dev.ferry.engine.frame;

import dev.ferry.engine.frame.RecordingHandler.Frame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The RFC 6455 section 5.7 example streams, with the frames each one must decode to. */
final class RfcExamples {

    /** A byte stream as sent by one side ({@code masked} = sent by a client) and its frames. */
    record Example(String name, byte[] wire, boolean masked, List<Frame> frames) {
        /** The same frames as the other role would send them, encoded with {@link FrameWriter}. */
        Example otherRole() {
            List<byte[]> parts = new ArrayList<>();
            for (Frame f : frames) {
                parts.add(Hex.remaining(FrameWriter.encode(f.fin(), f.rsv(), f.opcode(),
                        ByteBuffer.wrap(f.payload()), !masked, 0x37fa213d)));
            }
            return new Example(name + (masked ? " unmasked" : " masked"),
                    Hex.concat(parts.toArray(new byte[0][])), !masked, frames);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private RfcExamples() {
    }

    static final Example UNMASKED_HELLO = new Example("unmasked Hello",
            Hex.bytes("81 05 48 65 6c 6c 6f"), false, List.of(text(true, Opcode.TEXT, "Hello")));
    static final Example MASKED_HELLO = new Example("masked Hello",
            Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"), true, List.of(text(true, Opcode.TEXT, "Hello")));
    static final Example FRAGMENTED = new Example("fragmented Hel+lo",
            Hex.bytes("01 03 48 65 6c 80 02 6c 6f"), false,
            List.of(text(false, Opcode.TEXT, "Hel"), text(true, Opcode.CONTINUATION, "lo")));
    static final Example UNMASKED_PING = new Example("unmasked ping",
            Hex.bytes("89 05 48 65 6c 6c 6f"), false, List.of(text(true, Opcode.PING, "Hello")));
    static final Example MASKED_PONG = new Example("masked pong",
            Hex.bytes("8a 85 37 fa 21 3d 7f 9f 4d 51 58"), true, List.of(text(true, Opcode.PONG, "Hello")));
    static final Example BINARY_256 = binary("256-byte binary", "82 7e 01 00", 256);
    static final Example BINARY_65536 = binary("65536-byte binary", "82 7f 00 00 00 00 00 01 00 00", 65536);
    /** Not in the RFC: a ping between two fragments, which section 5.4 explicitly allows. */
    static final Example PING_BETWEEN_FRAGMENTS = new Example("ping between fragments",
            Hex.bytes("01 03 48 65 6c 89 05 48 65 6c 6c 6f 89 00 80 02 6c 6f"), false,
            List.of(text(false, Opcode.TEXT, "Hel"), text(true, Opcode.PING, "Hello"),
                    text(true, Opcode.PING, ""), text(true, Opcode.CONTINUATION, "lo")));

    static List<Example> rfc() {
        return List.of(UNMASKED_HELLO, MASKED_HELLO, FRAGMENTED, UNMASKED_PING, MASKED_PONG,
                BINARY_256, BINARY_65536);
    }

    /** Every example, and every example as the other role would send it. */
    static List<Example> bothRoles() {
        List<Example> all = new ArrayList<>();
        for (Example e : rfc()) {
            all.add(e);
            all.add(e.otherRole());
        }
        all.add(PING_BETWEEN_FRAGMENTS);
        all.add(PING_BETWEEN_FRAGMENTS.otherRole());
        return all;
    }

    /** A deterministic payload whose bytes differ from their neighbours and wrap around. */
    static byte[] pattern(int length) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (i * 7 + (i >>> 8));
        }
        return p;
    }

    private static Frame text(boolean fin, int opcode, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        return new Frame(fin, 0, opcode, bytes.length, bytes);
    }

    private static Example binary(String name, String header, int length) {
        byte[] payload = pattern(length);
        return new Example(name, Hex.concat(Hex.bytes(header), payload), false,
                List.of(new Frame(true, 0, Opcode.BINARY, length, payload)));
    }
}
