package dev.ferry.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a command that is expected to finish on its own (a set-up or stop script), with a deadline. */
final class ShortCommand {

    private ShortCommand() {
    }

    /**
     * Runs the command, its output going to {@code log}.
     *
     * @return the command's output
     * @throws AssertionError when it exits with a non-zero status or outlives the timeout (it is then killed)
     */
    static String run(ProcessBuilder command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(command.command() + " did not finish within " + timeout + ":\n" + read(log));
            }
            String output = read(log);
            if (process.exitValue() != 0) {
                throw new AssertionError(command.command() + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } finally {
            ServerProcess.kill(process);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
