package dev.ferry.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ExternalProgramTest {

    @TempDir
    Path dir;

    private Path fakeProgram(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static UnaryOperator<String> properties(Map<String, String> values) {
        return values::get;
    }

    @Test
    void thePathPropertyWinsAndIsTheOnlyPlaceLookedAt() throws Exception {
        Path fake = fakeProgram("my-nginx");
        assertEquals(Optional.of(fake), ExternalProgram.NGINX.locate(properties(Map.of("ferry.program.nginx", fake.toString())), null));
        // Even where Debian's nginx is installed, a nonexistent override means "absent".
        assertEquals(Optional.empty(), ExternalProgram.NGINX.locate(
                properties(Map.of("ferry.program.nginx", dir.resolve("missing").toString())), "/usr/sbin:/usr/bin"));
    }

    @Test
    void anExecutableOnThePathIsFound() throws Exception {
        Path fake = fakeProgram("redis-server");
        Optional<Path> found = ExternalProgram.REDIS_SERVER.locate(properties(Map.of()), "/nonexistent-dir:" + dir);
        // Debian's own path comes first when the package is installed on this machine.
        assertTrue(found.equals(Optional.of(fake)) || found.equals(Optional.of(Path.of("/usr/bin/redis-server"))), found.toString());
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount() throws Exception {
        Path plain = Files.writeString(dir.resolve("chromedriver"), "not a program");
        assertEquals(Optional.empty(), ExternalProgram.CHROMEDRIVER.locate(
                properties(Map.of("ferry.program.chromedriver", plain.toString())), null));
    }

    @Test
    void missingProgramsSkipTheTestNamingThePackagesToInstall() {
        Map<String, String> absent = Map.of("ferry.program.chromium", "/nonexistent/chromium",
                "ferry.program.chromedriver", "/nonexistent/chromedriver");
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> ExternalProgram.requireAll(
                properties(absent), null, ExternalProgram.CHROMIUM, ExternalProgram.CHROMEDRIVER));
        assertTrue(skipped.getMessage().contains("apt-get install chromium chromium-driver"), skipped.getMessage());
        assertTrue(skipped.getMessage().contains("/nonexistent/chromedriver"), skipped.getMessage());
    }

    @Test
    void withTheSwitchAMissingProgramFailsTheTest() {
        Map<String, String> absentAndRequired = Map.of("ferry.program.nginx", "/nonexistent/nginx",
                ExternalProgram.REQUIRE_PROPERTY, "true");
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> ExternalProgram.requireAll(properties(absentAndRequired), null, ExternalProgram.NGINX));
        assertTrue(failed.getMessage().contains("apt-get install nginx"), failed.getMessage());
    }

    @Test
    void presentProgramsPassWithOrWithoutTheSwitch() throws Exception {
        Path fake = fakeProgram("nginx");
        ExternalProgram.requireAll(properties(Map.of("ferry.program.nginx", fake.toString())), null, ExternalProgram.NGINX);
        ExternalProgram.requireAll(properties(Map.of("ferry.program.nginx", fake.toString(),
                ExternalProgram.REQUIRE_PROPERTY, "true")), null, ExternalProgram.NGINX);
    }
}
