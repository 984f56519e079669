package dev.ferry.distribution;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jetty base with Ferry installed as {@code docs/install-jetty.md} says. At server level: Ferry's
 * module file in {@code modules/}, Ferry's jar and the WebSocket API jars in {@code lib/ferry/},
 * the modules {@code http}, {@code <env>-deploy} and {@code ferry-<env>} enabled. Inside the WAR:
 * only {@code http}, {@code <env>-deploy} and {@code <env>-annotations} (without which Jetty runs
 * no initializer). Never a Jetty WebSocket module; the WAR goes into {@code webapps/}. Jetty's home
 * is used as unpacked.
 */
final class JettyInstallation {

    private static final Duration START_TOOL_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path base;
    private final int httpPort;

    private JettyInstallation(Path home, Path base, int httpPort) {
        this.home = home;
        this.base = base;
        this.httpPort = httpPort;
    }

    /**
     * @param environment {@code ee10} or {@code ee11}
     * @param war         the application; with {@link FerryPlacement#WAR} it must carry Ferry and
     *                    the WebSocket API itself
     */
    static JettyInstallation install(Path home, Path base, String environment, FerryPlacement placement,
            Path ferryJar, List<Path> websocketApiJars, Path war) throws IOException, InterruptedException {
        String modules = "http," + environment + "-deploy,";
        if (placement == FerryPlacement.SERVER) {
            String module = "ferry-" + environment;
            Files.createDirectories(base.resolve("modules"));
            Files.copy(ItSettings.jettyModules().resolve(module + ".mod"),
                    base.resolve("modules").resolve(module + ".mod"));
            Path lib = Files.createDirectories(base.resolve("lib/ferry"));
            Files.copy(ferryJar, lib.resolve(ferryJar.getFileName()));
            for (Path api : websocketApiJars) {
                Files.copy(api, lib.resolve(api.getFileName()));
            }
            modules += module;
        } else {
            modules += environment + "-annotations";
        }
        // Jetty unpacks WARs into the base's work/ when there is one, rather than into /tmp.
        Files.createDirectories(base.resolve("work"));
        JettyInstallation jetty = new JettyInstallation(home, base, LoopbackPorts.free());
        ShortCommand.run(jetty.startJar("--add-modules=" + modules), base.resolve("add-modules.log"), START_TOOL_TIMEOUT);
        Files.copy(war, base.resolve("webapps").resolve(war.getFileName()));
        return jetty;
    }

    Path base() {
        return base;
    }

    /** The names of the modules Jetty will run, transitive ones included ({@code start.jar --list-config}). */
    List<String> enabledModules() throws IOException, InterruptedException {
        String config = ShortCommand.run(startJar("--list-config"), base.resolve("list-config.log"), START_TOOL_TIMEOUT);
        List<String> modules = new ArrayList<>();
        boolean inSection = false;
        for (String line : config.split("\n")) {
            if (line.startsWith("Enabled Modules:")) {
                inSection = true;
            } else if (inSection && line.isBlank()) {
                break;
            } else if (inSection) {
                // "  19) ferry-ee10                ${jetty.base}/start.d/ferry-ee10.ini"
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && words[0].endsWith(")")) {
                    modules.add(words[1]);
                }
            }
        }
        if (modules.isEmpty()) {
            throw new AssertionError("no 'Enabled Modules' in the output of --list-config:\n" + config);
        }
        return modules;
    }

    /** The sample application's base address, e.g. {@code http://127.0.0.1:port/ferry-sample/}. */
    URI applicationUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + SampleWar.CONTEXT + "/");
    }

    /** {@code java -jar $JETTY_HOME/start.jar} in the base, listening on loopback only. */
    ServerProcess start() throws IOException {
        return ServerProcess.start(startJar("jetty.http.host=127.0.0.1", "jetty.http.port=" + httpPort),
                base.resolve("console.log"));
    }

    private ProcessBuilder startJar(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                ItSettings.javaHome().resolve("bin/java").toString(),
                // Startup speed and a small heap on a shared build machine; no effect on behaviour.
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", home.resolve("start.jar").toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(base.toFile());
    }
}
