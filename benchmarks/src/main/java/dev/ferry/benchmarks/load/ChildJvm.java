package dev.ferry.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a benchmark JVM: pinned to a CPU, same Java as this one. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param cpu the CPU to pin to with {@code taskset}, or negative for no pinning
     * @param classPathFile a file written by the build, holding the dependency class path
     */
    static List<String> command(int cpu, Path benchmarksDir, String classPathFile, List<String> jvmOptions,
            String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (cpu >= 0) {
            cmd.add("taskset");
            cmd.add("-c");
            cmd.add(Integer.toString(cpu));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        Path classes = benchmarksDir.resolve("target/classes");
        String dependencies = Files.readString(benchmarksDir.resolve("target/classpath").resolve(classPathFile)).trim();
        cmd.add("-cp");
        cmd.add(classes + (dependencies.isEmpty() ? "" : File.pathSeparator + dependencies));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
