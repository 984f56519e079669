package dev.ferry.fuzz.seed;

import com.code_intelligence.jazzer.driver.FuzzedDataProviderImpl;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads every committed seed with Jazzer's own {@code FuzzedDataProvider} (the one the regression
 * run hands the fuzz tests) and checks that it yields exactly the values the seed was written
 * for. Runs in a JVM of its own ({@link SeedCorpusTest} starts it): the provider needs Jazzer's
 * bootstrap classes, which in the test JVM only Jazzer's agent may install.
 */
public final class RealProviderCheck {

    private RealProviderCheck() {
    }

    public static void main(String[] args) throws IOException {
        int read = 0;
        int failed = 0;
        for (SeedCorpus.Target target : SeedCorpus.TARGETS) {
            for (Seed seed : target.seeds().get()) {
                String resource = "/" + target.resourceDirectory() + "/" + seed.name();
                try (InputStream in = RealProviderCheck.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("No seed file " + resource + " on the class path");
                    }
                    try (FuzzedDataProviderImpl data = FuzzedDataProviderImpl.withJavaData(in.readAllBytes())) {
                        seed.input().replay(data);
                        read++;
                    }
                } catch (AssertionError e) {
                    failed++;
                    System.out.println("MISREAD " + resource + ": " + e.getMessage());
                }
            }
        }
        System.out.println("read " + read + " seeds as meant, " + failed + " misread");
        System.exit(failed == 0 ? 0 : 1);
    }
}
