package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.engine.frame.RecordingHandler.Frame;
import java.nio.ByteBuffer;
import java.util.List;

/** Runs a parser over a copy of a byte stream cut at given positions, one parse() per piece. */
final class ParseRun {

    private ParseRun() {
    }

    static List<Frame> parse(byte[] wire, boolean expectMasked, int... cuts) {
        RecordingHandler handler = new RecordingHandler();
        FrameParser parser = new FrameParser(expectMasked, handler);
        // One backing buffer whose window moves, as a transport reading into a buffer would.
        ByteBuffer buf = ByteBuffer.wrap(wire.clone());
        int start = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : wire.length;
            buf.limit(end).position(start);
            parser.parse(buf);
            assertEquals(end, buf.position(), "parse() must consume up to the limit");
            start = end;
        }
        assertEquals(true, parser.isAtFrameBoundary(), "stream ends after a complete frame");
        assertEquals(false, handler.inFrame());
        return handler.frames;
    }

    /** Feeds one byte per parse() call. */
    static List<Frame> parseByteByByte(byte[] wire, boolean expectMasked) {
        int[] cuts = new int[Math.max(0, wire.length - 1)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        return parse(wire, expectMasked, cuts);
    }
}
