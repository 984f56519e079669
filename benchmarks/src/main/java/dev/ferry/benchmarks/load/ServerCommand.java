package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts one server flavour, pinned to a CPU: the servlet flavours through
 * {@code LoadServer} on their own class path file, Netty through {@code NettyEchoServer} on
 * {@code netty.txt}, Bun as {@code bun bun/echo-server.js} (JVM options do not apply to it).
 *
 * <p>A servlet flavour with a label, {@code ferry-tomcat@before}, runs the same server on the class
 * path file {@code ferry-tomcat@before.txt}: written by hand (e.g. {@code ferry-tomcat.txt} with
 * another build's Ferry jars), it compares two builds of Ferry in one run with one load generator.
 */
final class ServerCommand {

    static final String NETTY = "netty";
    static final String BUN = "bun";

    private ServerCommand() {
    }

    /** Whether JVM options (heap, pre-touch) mean anything for the flavour. */
    static boolean isJvm(String flavour) {
        return !flavour.equals(BUN);
    }

    static List<String> of(String flavour, int cpu, Path benchmarksDir, Path bun, List<String> jvmOptions,
            long maxSeconds) throws IOException {
        List<String> args = List.of("0", Long.toString(maxSeconds));
        switch (flavour) {
            case NETTY:
                return ChildJvm.command(cpu, benchmarksDir, "netty.txt", jvmOptions,
                        "dev.ferry.benchmarks.netty.NettyEchoServer", args);
            case BUN: {
                if (!Files.isExecutable(bun)) {
                    throw new IOException("No Bun at " + bun + " (run-load.sh installs it with npm; --bun names another)");
                }
                List<String> cmd = new ArrayList<>();
                if (cpu >= 0) {
                    cmd.addAll(List.of("taskset", "-c", Integer.toString(cpu)));
                }
                cmd.add(bun.toString());
                cmd.add(benchmarksDir.resolve("bun/echo-server.js").toString());
                cmd.addAll(args);
                return cmd;
            }
            default: {
                int label = flavour.indexOf('@');
                List<String> serverArgs = new ArrayList<>(List.of(label < 0 ? flavour : flavour.substring(0, label)));
                serverArgs.addAll(args);
                return ChildJvm.command(cpu, benchmarksDir, flavour + ".txt", jvmOptions,
                        "dev.ferry.benchmarks.servers.LoadServer", serverArgs);
            }
        }
    }
}
