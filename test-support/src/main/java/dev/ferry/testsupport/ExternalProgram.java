package dev.ferry.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JVM that some tests run (a browser, a proxy, a database), with the Debian
 * package that provides it.
 *
 * <p>{@link #require} finds it or ends the calling test: on a developer's machine without it the
 * test is <em>skipped</em>, with a message naming the package to install, so that {@code mvn -B
 * verify} passes on a machine with only a JDK and Maven. With the system property
 * {@value #REQUIRE_PROPERTY}{@code =true} (which {@code .ci/run} passes to Maven, after installing
 * every package) a missing program <em>fails</em> the test instead, so that CI never skips them
 * silently.
 *
 * <p>Where it looks: the path in the system property {@code ferry.program.<command>} when that is
 * set (and nowhere else, so that a nonexistent path there simulates a machine without the program),
 * otherwise Debian's path for it, then the directories of {@code PATH}.
 */
public enum ExternalProgram {
    CHROMIUM("chromium", "chromium", "/usr/bin/chromium"),
    CHROMEDRIVER("chromedriver", "chromium-driver", "/usr/bin/chromedriver"),
    NGINX("nginx", "nginx", "/usr/sbin/nginx"),
    REDIS_SERVER("redis-server", "redis-server", "/usr/bin/redis-server");

    /** {@code true} turns every skip for a missing program into a failure (CI sets it). */
    public static final String REQUIRE_PROPERTY = "ferry.requireExternalPrograms";

    private final String command;
    private final String debianPackage;
    private final Path debianPath;

    ExternalProgram(String command, String debianPackage, String debianPath) {
        this.command = command;
        this.debianPackage = debianPackage;
        this.debianPath = Path.of(debianPath);
    }

    /** The program's file name, e.g. {@code chromedriver}. */
    public String command() {
        return command;
    }

    /** The Debian package that installs it, e.g. {@code chromium-driver}. */
    public String debianPackage() {
        return debianPackage;
    }

    /** The system property that names the program's path, overriding the search. */
    public String pathProperty() {
        return "ferry.program." + command;
    }

    /** Where the program is, if it is installed. */
    public Optional<Path> locate() {
        return locate(System::getProperty, System.getenv("PATH"));
    }

    /** As {@link #locate()}, with the system properties and {@code PATH} given (for tests). */
    Optional<Path> locate(UnaryOperator<String> properties, String path) {
        String override = properties.apply(pathProperty());
        if (override != null && !override.isBlank()) {
            return executable(Path.of(override));
        }
        Optional<Path> debian = executable(debianPath);
        if (debian.isPresent()) {
            return debian;
        }
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Optional<Path> found = executable(Path.of(dir, command));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The program's path; when it is not installed, skips the calling test (or class, from a
     * {@code @BeforeAll}), or fails it when {@value #REQUIRE_PROPERTY} is true.
     */
    public Path require() {
        requireAll(this);
        return locate().orElseThrow();
    }

    /** As {@link #require}, for several programs, naming every missing one in one message. */
    public static void requireAll(ExternalProgram... programs) {
        requireAll(System::getProperty, System.getenv("PATH"), programs);
    }

    /** As {@link #requireAll(ExternalProgram...)}, with the system properties and {@code PATH} given (for tests). */
    static void requireAll(UnaryOperator<String> properties, String path, ExternalProgram... programs) {
        String missing = describeMissing(properties, path, List.of(programs));
        if (missing == null) {
            return;
        }
        if (Boolean.parseBoolean(properties.apply(REQUIRE_PROPERTY))) {
            Assertions.fail(failureMessage(missing));
        }
        Assumptions.abort(skipMessage(missing));
    }

    /** What is missing of {@code programs} and which packages to install; {@code null} when all are there. */
    static String describeMissing(UnaryOperator<String> properties, String path, List<ExternalProgram> programs) {
        List<ExternalProgram> missing = new ArrayList<>();
        for (ExternalProgram program : programs) {
            if (program.locate(properties, path).isEmpty()) {
                missing.add(program);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        String where = missing.stream().map(p -> p.describeSearch(properties)).collect(Collectors.joining("; "));
        String packages = missing.stream().map(ExternalProgram::debianPackage).distinct().collect(Collectors.joining(" "));
        return "Not installed: " + where + ". Install Debian package" + (packages.contains(" ") ? "s " : " ")
                + packages + " (apt-get install " + packages + ").";
    }

    static String skipMessage(String missing) {
        return missing + " Skipped (-D" + REQUIRE_PROPERTY + "=true, as .ci/run sets, makes this a failure).";
    }

    static String failureMessage(String missing) {
        return missing + " This is a failure, not a skip, because -D" + REQUIRE_PROPERTY + "=true.";
    }

    private String describeSearch(UnaryOperator<String> properties) {
        String override = properties.apply(pathProperty());
        if (override != null && !override.isBlank()) {
            return command + " (no executable at " + override + ", set by -D" + pathProperty() + ")";
        }
        return command + " (no executable at " + debianPath + " or on PATH)";
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
