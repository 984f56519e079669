package dev.ferry.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {

    @TempDir
    Path benchmarks;

    private List<String> command(String flavour) throws IOException {
        return ServerCommand.of(flavour, 0, benchmarks, benchmarks.resolve("bun"), List.of("-Xmx1g"), 60);
    }

    @Test
    void aLabelledFlavourRunsTheSameServerOnItsOwnClassPathFile() throws IOException {
        Files.createDirectories(benchmarks.resolve("target/classpath"));
        Files.writeString(benchmarks.resolve("target/classpath/ferry-tomcat.txt"), "/now/ferry.jar\n");
        Files.writeString(benchmarks.resolve("target/classpath/ferry-tomcat@before.txt"), "/then/ferry.jar\n");

        List<String> now = command("ferry-tomcat");
        List<String> before = command("ferry-tomcat@before");

        String classes = benchmarks.resolve("target/classes").toString();
        assertEquals(classes + File.pathSeparator + "/now/ferry.jar", now.get(now.indexOf("-cp") + 1));
        assertEquals(classes + File.pathSeparator + "/then/ferry.jar", before.get(before.indexOf("-cp") + 1));
        // Both start LoadServer as ferry-tomcat: only the class path differs.
        assertEquals(now.subList(now.indexOf("-cp") + 2, now.size()), before.subList(before.indexOf("-cp") + 2, before.size()));
        assertEquals(List.of("taskset", "-c", "0"), before.subList(0, 3));
        assertEquals("ferry-tomcat", before.get(before.indexOf("dev.ferry.benchmarks.servers.LoadServer") + 1));
    }

    @Test
    void aLabelWithoutItsClassPathFileIsRefused() {
        assertThrows(NoSuchFileException.class, () -> command("ferry-jetty@nowhere"));
    }
}
