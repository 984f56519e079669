package dev.ferry.fuzz.seed;

import java.util.List;
import java.util.function.Supplier;

/**
 * Every fuzz test's seed corpus: where Jazzer's JUnit integration looks for the regression inputs
 * of a {@code @FuzzTest} method ({@code <package>/<TestClass>Inputs/<method>/} among the test
 * resources; each file is one invocation, named after the file) and the seeds that belong there.
 */
final class SeedCorpus {

    /** One {@code @FuzzTest} method and its seeds. */
    record Target(String testClass, String method, Supplier<List<Seed>> seeds) {

        /** The resource directory, e.g. {@code dev/ferry/fuzz/FrameParserFuzzTestInputs/parsesOrFailsWithACloseCode}. */
        String resourceDirectory() {
            int dot = testClass.lastIndexOf('.');
            return testClass.substring(0, dot).replace('.', '/') + "/" + testClass.substring(dot + 1) + "Inputs/" + method;
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("dev.ferry.fuzz.FrameParserFuzzTest", "parsesOrFailsWithACloseCode", FrameParserSeeds::all),
            new Target("dev.ferry.fuzz.Utf8ValidatorFuzzTest", "agreesWithTheJdkDecoder", Utf8Seeds::all),
            new Target("dev.ferry.fuzz.HandshakeFuzzTest", "handshakeHeadersNeverBreakTheServer", HandshakeSeeds::all),
            new Target("dev.ferry.fuzz.InflaterFuzzTest", "inflatesWithinTheLimitOrFails", InflaterSeeds::all),
            new Target("dev.ferry.session.SessionFuzzTest", "anyClientInputEndsWellFormed", SessionSeeds::all));

    private SeedCorpus() {
    }
}
