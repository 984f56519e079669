package dev.ferry.integration;

import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.Poll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Debian's nginx run by a test, in front of a server on 127.0.0.1: with the site configuration
 * from {@code samples/nginx/ferry-chat.conf} (its listen and upstream addresses rewritten),
 * wrapped in a main configuration that keeps everything (pid, logs, temp files) in a temporary
 * directory, in the foreground. Works as root (workers then run as nginx's default user) or not.
 */
final class NginxProcess implements AutoCloseable {

    /** {@code samples/nginx/ferry-chat.conf}: the pom passes its path, Maven's working directory is this module. */
    static final Path SITE = Path.of(System.getProperty("ferry.nginxSite", "../samples/nginx/ferry-chat.conf"));

    private final Path dir;
    private final Process process;
    private final int port;

    private NginxProcess(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }


    /** The site configuration pointed at {@code listenPort} and {@code upstreamPort}, both on 127.0.0.1. */
    static String site(int listenPort, int upstreamPort) throws IOException {
        return site(Files.readString(SITE), listenPort, upstreamPort);
    }

    private static String site(String site, int listenPort, int upstreamPort) {
        String listening = replaceOnce(site, "listen 80;", "listen 127.0.0.1:" + listenPort + ";");
        return replaceOnce(listening, "server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";");
    }

    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("The site configuration should hold '" + from + "' exactly once");
        }
        return text.replace(from, to);
    }

    /**
     * Starts nginx in front of {@code upstreamPort}, with the site configuration passed through
     * {@code edit}, and waits until it accepts connections.
     */
    static NginxProcess start(int upstreamPort, UnaryOperator<String> edit) throws Exception {
        String site = Files.readString(SITE);
        return start(port -> edit.apply(site(site, port, upstreamPort)));
    }

    /**
     * Starts nginx with the site configuration {@code site} gives for nginx's port (a free one on
     * 127.0.0.1), and waits until it accepts connections.
     */
    static NginxProcess start(java.util.function.IntFunction<String> site) throws Exception {
        Path dir = Files.createTempDirectory("ferry-nginx");
        // Workers of a root nginx run as an unprivileged user: they must reach the temp paths.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        String conf = "daemon off;\n"
                + "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " info;\n"
                + "events { worker_connections 128; }\n"
                + "http {\n"
                + "    access_log " + dir.resolve("access.log") + ";\n"
                + "    client_body_temp_path " + dir.resolve("client_body") + ";\n"
                + "    proxy_temp_path " + dir.resolve("proxy") + ";\n"
                + "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                + "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                + "    scgi_temp_path " + dir.resolve("scgi") + ";\n"
                + site.apply(port)
                + "}\n";
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder(ExternalProgram.NGINX.require().toString(), "-p", dir.toString(), "-c", confFile.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        NginxProcess nginx = new NginxProcess(dir, process, port);
        try {
            nginx.awaitListening();
        } catch (Exception | AssertionError e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private void awaitListening() throws Exception {
        try {
            Poll.until(Duration.ofSeconds(10), "nginx to listen on " + port, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx exited with " + process.exitValue() + ": " + logs());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + logs(), e);
        }
    }

    int port() {
        return port;
    }

    /** What nginx wrote to its error log and console, for failure messages. */
    String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String name : new String[] {"stdout.log", "error.log"}) {
            Path p = dir.resolve(name);
            if (Files.exists(p)) {
                sb.append(name).append(":\n").append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    /** Stops nginx (TERM, then KILL after 10 s, workers included) and deletes its directory. */
    @Override
    public void close() throws Exception {
        try {
            var workers = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle worker : workers) {
                if (worker.isAlive()) {
                    worker.destroyForcibly();
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
