package dev.ferry.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.engine.frame.FrameHandler;
import dev.ferry.engine.frame.FrameParser;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.engine.frame.WebSocketException;
import java.nio.ByteBuffer;

/**
 * Any byte stream, split anywhere: the parser either reports frames whose payload adds up to what
 * their headers announced, or fails with a protocol close code. Nothing else may escape.
 */
class FrameParserFuzzTest {

    /** Checks the handler events for consistency as they come. */
    private static final class CheckingHandler implements FrameHandler {
        long announced = -1;
        long seen;
        int frames;

        @Override
        public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength) {
            assertEquals(-1, announced, "a frame started before the previous one ended");
            assertTrue(Opcode.isKnown(opcode), "unknown opcode passed: " + opcode);
            assertTrue(payloadLength >= 0);
            if (Opcode.isControl(opcode)) {
                assertTrue(fin && payloadLength <= 125, "bad control frame passed");
            }
            announced = payloadLength;
            seen = 0;
        }

        @Override
        public void onPayload(ByteBuffer chunk) {
            seen += chunk.remaining();
            assertTrue(seen <= announced, "more payload than announced");
        }

        @Override
        public void onFrameEnd() {
            assertEquals(announced, seen, "frame ended early");
            announced = -1;
            frames++;
        }
    }

    @FuzzTest(maxDuration = "15s")
    void parsesOrFailsWithACloseCode(FuzzedDataProvider data) {
        boolean server = data.consumeBoolean();
        int rsv = data.consumeInt(0, 7);
        long maxFrame = data.consumeLong(0, 1 << 20);
        byte[] stream = data.consumeRemainingAsBytes();
        CheckingHandler handler = new CheckingHandler();
        FrameParser parser = new FrameParser(server, handler);
        parser.setAllowedRsv(rsv);
        parser.setMaxFrameSize(maxFrame);
        // Feed in pieces whose sizes come from the stream itself, so splits vary with the input.
        int position = 0;
        try {
            while (position < stream.length) {
                int piece = 1 + (stream[position] & 0x1F);
                int end = Math.min(stream.length, position + piece);
                parser.parse(ByteBuffer.wrap(stream, position, end - position));
                position = end;
            }
        } catch (WebSocketException e) {
            int code = e.closeCode();
            assertTrue(code == 1002 || code == 1009, "unexpected close code " + code);
        }
    }

    /** Entry point for a long run with Jazzer's own launcher (see docs/testing.md, "Fuzzing"). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        new FrameParserFuzzTest().parsesOrFailsWithACloseCode(data);
    }
}
