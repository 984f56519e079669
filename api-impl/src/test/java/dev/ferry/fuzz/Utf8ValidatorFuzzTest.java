package dev.ferry.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.engine.frame.Utf8Validator;
import dev.ferry.engine.frame.WebSocketException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The incremental validator agrees with the JDK's strict decoder on every input and every split. */
class Utf8ValidatorFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void agreesWithTheJdkDecoder(FuzzedDataProvider data) {
        int split = data.consumeInt(0, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();
        split = Math.min(split, bytes.length);
        boolean jdkValid = jdkAccepts(bytes);
        boolean ours;
        Utf8Validator validator = new Utf8Validator();
        try {
            validator.validate(ByteBuffer.wrap(bytes, 0, split));
            validator.validate(ByteBuffer.wrap(bytes, split, bytes.length - split));
            validator.endOfMessage();
            ours = true;
        } catch (WebSocketException e) {
            assertEquals(1007, e.closeCode());
            ours = false;
        }
        assertEquals(jdkValid, ours);
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Entry point for a long run with Jazzer's own launcher (see docs/testing.md, "Fuzzing"). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        new Utf8ValidatorFuzzTest().agreesWithTheJdkDecoder(data);
    }
}
