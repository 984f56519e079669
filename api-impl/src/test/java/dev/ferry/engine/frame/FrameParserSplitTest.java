package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.engine.frame.RfcExamples.Example;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser must report identical frames however the stream is cut. Streams of up to a few
 * hundred bytes are cut at every position and every pair of positions; for the 65536-byte example
 * that would be billions of runs, so it is cut at every header position, every position near the
 * end and a stride through the payload (still covering all cut-offsets mod 8 for the masker).
 */
class FrameParserSplitTest {

    private static final int EXHAUSTIVE_PAIRS_UP_TO = 300;

    static List<Example> examples() {
        return RfcExamples.bothRoles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void wholeStream(Example e) {
        assertEquals(e.frames(), ParseRun.parse(e.wire(), e.masked()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void oneBytePerCall(Example e) {
        assertEquals(e.frames(), ParseRun.parseByteByByte(e.wire(), e.masked()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everySingleCut(Example e) {
        for (int cut : cutPositions(e.wire().length, 24, 4093)) {
            assertEquals(e.frames(), ParseRun.parse(e.wire(), e.masked(), cut), "cut at " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyPairOfCuts(Example e) {
        List<Integer> positions = List.copyOf(cutPositions(e.wire().length, 14, 16381));
        for (int i = 0; i < positions.size(); i++) {
            for (int j = i; j < positions.size(); j++) {
                int a = positions.get(i);
                int b = positions.get(j);
                assertEquals(e.frames(), ParseRun.parse(e.wire(), e.masked(), a, b), "cuts at " + a + "," + b);
            }
        }
    }

    /**
     * All positions of a short stream; for a long one the first and last {@code edge} positions
     * (the header, and the end of the payload) plus every {@code stride}-th position.
     */
    private static TreeSet<Integer> cutPositions(int length, int edge, int stride) {
        TreeSet<Integer> cuts = new TreeSet<>();
        if (length <= EXHAUSTIVE_PAIRS_UP_TO) {
            for (int i = 0; i <= length; i++) {
                cuts.add(i);
            }
            return cuts;
        }
        for (int i = 0; i <= edge; i++) {
            cuts.add(i);
            cuts.add(length - i);
        }
        for (int i = 0; i < length; i += stride) {
            cuts.add(i);
        }
        return cuts;
    }
}
