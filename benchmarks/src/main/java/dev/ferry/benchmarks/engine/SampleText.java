package dev.ferry.benchmarks.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Deterministic UTF-8 test payloads of an exact size. */
final class SampleText {

    /** Code points of each UTF-8 length, mixed in about 50/20/20/10 proportions. */
    private static final String[] MIXED_POOLS = {
        "The quick brown fox jumps over the lazy dog 0123456789 ",
        "àéîõüßçñøåæœ ЖЛПФЦШЩЮЯ αβγδεζ",
        "日本語の文章漢字中文한국어",
        "😀🚀🎉🧪🌍",
    };
    private static final int[] MIXED_WEIGHTS = {50, 20, 20, 10};

    private SampleText() {
    }

    /** {@code size} bytes of valid UTF-8 of the given kind ({@code ascii} or {@code mixed}). */
    static byte[] utf8(String kind, int size) {
        switch (kind) {
            case "ascii":
                return ascii(size);
            case "mixed":
                return mixed(size);
            default:
                throw new IllegalArgumentException("Unknown text kind: " + kind);
        }
    }

    /**
     * {@code size} bytes of chat-like JSON lines ({"type":"say","name":"user17","text":"..."}),
     * with varying names and words: compressible as real traffic is, but not one repeated string.
     */
    static byte[] json(int size, int seed) {
        String[] words = {"hello", "ferry", "boat", "river", "crossing", "tonight", "ok", "see", "you", "at", "the", "dock"};
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(size + 128);
        while (sb.length() < size) {
            sb.append("{\"type\":\"say\",\"name\":\"user").append(random.nextInt(100)).append("\",\"text\":\"");
            for (int w = 2 + random.nextInt(8); w > 0; w--) {
                sb.append(words[random.nextInt(words.length)]).append(w > 1 ? " " : "");
            }
            sb.append("\"}\n");
        }
        return Arrays.copyOf(sb.toString().getBytes(StandardCharsets.US_ASCII), size);
    }

    private static byte[] ascii(int size) {
        byte[] pool = MIXED_POOLS[0].getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = pool[i % pool.length];
        }
        return out;
    }

    private static byte[] mixed(int size) {
        int[][] pools = Arrays.stream(MIXED_POOLS).map(p -> p.codePoints().toArray()).toArray(int[][]::new);
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        while (bytes < size - 4) {
            int pick = random.nextInt(100);
            int pool = 0;
            for (int acc = MIXED_WEIGHTS[0]; pick >= acc; acc += MIXED_WEIGHTS[++pool]) {
                // walk to the pool whose weight range holds pick
            }
            int cp = pools[pool][random.nextInt(pools[pool].length)];
            sb.appendCodePoint(cp);
            bytes += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(text, size);
        Arrays.fill(out, text.length, size, (byte) ' '); // pad with ASCII to the exact size
        return out;
    }
}
