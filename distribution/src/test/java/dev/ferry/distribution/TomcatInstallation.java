package dev.ferry.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Tomcat distribution with Ferry installed as {@code docs/install-tomcat.md} says. At server
 * level: {@code lib/tomcat-websocket.jar} removed, the API jars kept, Ferry's jar in {@code lib/}.
 * Inside the WAR: the distribution as it comes. Either way the WAR goes into {@code webapps/}, and
 * Tomcat is started and stopped with its own scripts.
 */
final class TomcatInstallation {

    private static final String HTTP_CONNECTOR = "<Connector port=\"8080\" protocol=\"HTTP/1.1\"";
    private static final String SHUTDOWN_PORT = "<Server port=\"8005\"";

    private final Path home;
    private final int httpPort;

    private TomcatInstallation(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /**
     * @param war the application; with {@link FerryPlacement#WAR} it must carry Ferry itself
     */
    static TomcatInstallation install(Path distribution, Path home, FerryPlacement placement, Path ferryJar, Path war)
            throws IOException {
        copyTree(distribution, home);
        if (placement == FerryPlacement.SERVER) {
            Files.delete(home.resolve("lib/tomcat-websocket.jar"));
            Files.copy(ferryJar, home.resolve("lib").resolve(ferryJar.getFileName()));
        }
        int httpPort = LoopbackPorts.free();
        setPorts(home.resolve("conf/server.xml"), httpPort, LoopbackPorts.free());
        Files.copy(war, home.resolve("webapps").resolve(war.getFileName()));
        return new TomcatInstallation(home, httpPort);
    }

    Path home() {
        return home;
    }

    /** The sample application's base address, e.g. {@code http://127.0.0.1:port/ferry-sample/}. */
    URI applicationUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + SampleWar.CONTEXT + "/");
    }

    /** {@code bin/catalina.sh run}: Tomcat in the foreground (the script execs the JVM), logging to the console. */
    ServerProcess start() throws IOException {
        return ServerProcess.start(script("catalina.sh", "run"), home.resolve("console.log"));
    }

    /** {@code bin/shutdown.sh}: asks the running Tomcat to stop through its shutdown port. */
    void shutdown() throws IOException, InterruptedException {
        ShortCommand.run(script("shutdown.sh"), home.resolve("shutdown.log"), Duration.ofSeconds(30));
    }

    private ProcessBuilder script(String name, String... arguments) {
        String[] command = new String[arguments.length + 2];
        // Through sh, so that a distribution unpacked without execute bits still works.
        command[0] = "sh";
        command[1] = home.resolve("bin").resolve(name).toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        // Whatever the environment of the build says, this copy and the JDK running the tests.
        env.remove("JRE_HOME");
        env.remove("JAVA_OPTS");
        env.put("JAVA_HOME", ItSettings.javaHome().toString());
        env.put("CATALINA_HOME", home.toString());
        env.put("CATALINA_BASE", home.toString());
        // No CATALINA_PID: "run" does not write one, and shutdown.sh refuses to stop when it is set but missing.
        env.remove("CATALINA_PID");
        env.put("CATALINA_TMPDIR", home.resolve("temp").toString());
        // Startup speed and a small heap on a shared build machine; no effect on behaviour.
        env.put("CATALINA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
        return builder;
    }

    /** Points the HTTP connector (bound to loopback only) and the shutdown port at free ports. */
    private static void setPorts(Path serverXml, int httpPort, int shutdownPort) throws IOException {
        String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
        xml = replaceOnce(xml, SHUTDOWN_PORT, "<Server port=\"" + shutdownPort + "\"");
        xml = replaceOnce(xml, HTTP_CONNECTOR,
                "<Connector address=\"127.0.0.1\" port=\"" + httpPort + "\" protocol=\"HTTP/1.1\"");
        Files.writeString(serverXml, xml, StandardCharsets.UTF_8);
    }

    /** Fails when the distribution's server.xml no longer has the line the README tells users to edit. */
    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException("expected exactly one '" + target + "' in server.xml");
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
