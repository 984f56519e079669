package dev.ferry.fuzz.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed seed corpora are what the generators in this package write, they sit where Jazzer
 * looks for them, and Jazzer reads each one as the input it is named after.
 *
 * <p>After changing a generator, write the files again with
 * {@code mvn -B -o test -pl api-impl -am -Dtest=SeedCorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dferry.fuzz.writeSeeds=true}
 * and commit them.
 */
class SeedCorpusTest {

    /** Where the corpora are committed, relative to the module (Maven's working directory for tests). */
    private static final Path RESOURCES = Path.of("src", "test", "resources");
    private static final String WRITE_PROPERTY = "ferry.fuzz.writeSeeds";

    @Test
    void committedSeedsAreExactlyWhatTheGeneratorsWrite() throws IOException {
        boolean write = Boolean.getBoolean(WRITE_PROPERTY);
        for (SeedCorpus.Target target : SeedCorpus.TARGETS) {
            Path dir = RESOURCES.resolve(target.resourceDirectory());
            List<Seed> seeds = target.seeds().get();
            if (write) {
                rewrite(dir, seeds);
            }
            Set<String> expected = seeds.stream().map(Seed::name).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(seeds.size(), expected.size(), "two seeds of " + target.testClass() + " share a name");
            assertEquals(expected, fileNames(dir), "seed files in " + dir + " (write them with -D" + WRITE_PROPERTY + "=true)");
            for (Seed seed : seeds) {
                assertArrayEquals(seed.input().toBytes(), Files.readAllBytes(dir.resolve(seed.name())),
                        dir.resolve(seed.name()) + " differs from its generator (write it with -D" + WRITE_PROPERTY + "=true)");
            }
        }
    }

    @Test
    void everyTargetIsAFuzzTestTakingAFuzzedDataProvider() throws Exception {
        for (SeedCorpus.Target target : SeedCorpus.TARGETS) {
            Method method = Class.forName(target.testClass()).getDeclaredMethod(target.method(), FuzzedDataProvider.class);
            assertNotNull(method.getAnnotation(FuzzTest.class), target + " is not a @FuzzTest");
        }
    }

    @Test
    void handshakeSeedsPickHeaderNamesFromTheTestsOwnList() throws Exception {
        Field names = Class.forName("dev.ferry.fuzz.HandshakeFuzzTest").getDeclaredField("NAMES");
        names.setAccessible(true);
        assertEquals(HandshakeSeeds.NAMES, List.of((String[]) names.get(null)));
    }

    @Test
    void jazzersOwnProviderReadsEverySeedAsMeant(@TempDir Path temp) throws Exception {
        int seeds = SeedCorpus.TARGETS.stream().mapToInt(t -> t.seeds().get().size()).sum();
        Path bootstrap = temp.resolve("jazzer_bootstrap.jar");
        try (InputStream in = FuzzTest.class.getClassLoader().getResourceAsStream("com/code_intelligence/jazzer/runtime/jazzer_bootstrap.jar")) {
            assertNotNull(in, "Jazzer's bootstrap jar is not on the test class path");
            Files.copy(in, bootstrap, StandardCopyOption.REPLACE_EXISTING);
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xbootclasspath/a:" + bootstrap, "-cp", classPath, RealProviderCheck.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("output.txt").toFile())
                .start();
        assertTrue(check.waitFor(120, TimeUnit.SECONDS), "the check did not end within 120 s");
        String output = Files.readString(temp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("read " + seeds + " seeds as meant, 0 misread"), output);
    }

    private static void rewrite(Path dir, List<Seed> seeds) throws IOException {
        Files.createDirectories(dir);
        Set<String> keep = seeds.stream().map(Seed::name).collect(Collectors.toSet());
        for (String stale : fileNames(dir)) {
            if (!keep.contains(stale)) {
                Files.delete(dir.resolve(stale));
            }
        }
        for (Seed seed : seeds) {
            Files.write(dir.resolve(seed.name()), seed.input().toBytes());
        }
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
