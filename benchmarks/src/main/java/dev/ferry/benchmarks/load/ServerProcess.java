package dev.ferry.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A load server JVM ({@code dev.ferry.benchmarks.servers.LoadServer}) started and stopped by the comparison. */
final class ServerProcess implements AutoCloseable {

    private static final long START_DEADLINE_MS = 60_000;
    private static final long STOP_DEADLINE_MS = 20_000;
    private static final Pattern READY = Pattern.compile("^READY port=(\\d+)", Pattern.MULTILINE);

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server and waits (with a deadline) for its {@code READY} line. */
    static ServerProcess start(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + START_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = READY.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                return new ServerProcess(p, log, Integer.parseInt(m.group(1)));
            }
            if (!p.isAlive()) {
                throw new IOException("Server exited with " + p.exitValue() + " before it was ready; see " + log);
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IOException("Server not ready within " + START_DEADLINE_MS + " ms; see " + log);
    }

    int port() {
        return port;
    }

    /** The server's process id (taskset runs the server in its own process). */
    long pid() {
        return process.pid();
    }

    /** Asks the server to stop, then kills it if it has not within the deadline. */
    @Override
    public void close() throws InterruptedException {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("stop\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(STOP_DEADLINE_MS, TimeUnit.MILLISECONDS)) {
            System.err.println("Server did not stop in time, killing it; see " + log);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
