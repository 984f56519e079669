package dev.ferry.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server started as a separate process, its output going to a log file. Closing it always
 * leaves no process behind: a polite stop first (SIGTERM, which runs the servers' shutdown hooks),
 * then a forced one.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration POLITE_STOP = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(ProcessBuilder command, Path log) throws IOException {
        return new ServerProcess(command.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /** Waits until {@code probe} answers 200, failing early when the process dies. */
    String awaitReady(URI probe, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + " before " + probe
                        + " answered:\n" + log());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                // Not deployed yet (404), or deployed and broken: keep the answer for the failure message.
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                // Nobody listening yet, or a connection dropped while the server starts.
                lastAnswer = e.toString();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError(probe + " did not answer 200 within " + timeout + " (last: " + lastAnswer + "):\n" + log());
    }

    /** @return whether the process exited within the timeout */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** @return the lines of the log that contain any of the markers (e.g. a log level as the server writes it) */
    List<String> logLinesWith(String... markers) throws IOException {
        return log().lines().filter(line -> Stream.of(markers).anyMatch(line::contains)).toList();
    }

    /** Stops the server if it still runs; safe to call again. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        boolean stopped = awaitExit(POLITE_STOP);
        if (!stopped || children.stream().anyMatch(ProcessHandle::isAlive)) {
            kill(process);
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Kills the process and whatever it started (a launcher may fork the real server). */
    static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
