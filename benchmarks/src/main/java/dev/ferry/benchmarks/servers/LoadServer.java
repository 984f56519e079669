package dev.ferry.benchmarks.servers;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerSettings;
import dev.ferry.embedded.TomcatServer;
import dev.ferry.embedded.WebApp;
import jakarta.servlet.ServletContainerInitializer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the load comparison, one flavour per JVM:
 * {@code LoadServer <ferry-tomcat|ferry-jetty|tomcat|jetty> [port] [maxSeconds]}.
 *
 * <p>Serves {@link EchoEndpoint}, {@link BroadcastEndpoint} and {@link HeapStatsServlet} on
 * 127.0.0.1, prints {@code READY port=<port>} once listening, and stops when its standard input
 * ends or says {@code stop}, or after {@code maxSeconds} (default 1800) in any case, so that a
 * crashed load runner never leaves a server behind. The system property
 * {@code ferry.bench.initParams} ({@code name=value,name=value}) sets context init parameters,
 * e.g. WebSocket implementation settings; {@code ferry.bench.maxConnections} sets Tomcat's
 * connector {@code maxConnections} (for the many-connections scenario; Jetty has no such limit).
 */
public final class LoadServer {

    private static final String HOST = "127.0.0.1";
    private static final long STOP_DEADLINE_MS = 10_000;
    /** How long Jetty's stop waits for open connections to end. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(2);
    /** How long the shutdown hooks get before the JVM is halted. */
    private static final long HALT_AFTER_EXIT_MS = 10_000;

    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LoadServer <ferry-tomcat|ferry-jetty|tomcat|jetty|tomcat-bare> [port] [maxSeconds]");
            System.exit(2);
        }
        ServerFlavour flavour = ServerFlavour.byId(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        long maxSeconds = args.length > 2 ? Long.parseLong(args[2]) : 1800;
        if (!InetAddress.getByName(HOST).isLoopbackAddress()) {
            throw new IllegalStateException(HOST + " is not a loopback address");
        }
        ClassPathGuard.requireOnly(flavour.implementation());

        List<ServletContainerInitializer> initializers = new ArrayList<>();
        if (flavour.implementation().equals("none")) {
            initializers.add(new BareUpgrade());
        } else {
            // The WebSocket implementation registers its initializer for ServiceLoader, as for any web application.
            ServiceLoader.load(ServletContainerInitializer.class).forEach(initializers::add);
        }
        if (initializers.isEmpty()) {
            throw new IllegalStateException("No ServletContainerInitializer on the class path");
        }
        EmbeddedServer container = flavour.newContainer();
        Map<String, String> initParameters = initParameters(System.getProperty("ferry.bench.initParams", ""));
        Set<Class<?>> scanned = Set.of(EchoEndpoint.class, BroadcastEndpoint.class);
        WebApp app = WebApp.builder()
                .initializers(initializers.stream().map(i -> new Initializer(i, scanned)).toList())
                .initParameters(initParameters)
                .servlet("stats", new HeapStatsServlet(), "/stats")
                .httpSessions(false)
                .build();
        container.start(ServerSettings.onPort(port).withHost(HOST).withGracefulStop(GRACEFUL_STOP).withRootApp(app));
        String maxConnections = System.getProperty("ferry.bench.maxConnections");
        if (maxConnections != null && container instanceof TomcatServer tomcat
                && !tomcat.setConnectorProperty("maxConnections", maxConnections)) {
            throw new IllegalStateException("Tomcat's connector has no maxConnections");
        }
        System.out.println("READY port=" + container.port() + " flavour=" + flavour.id()
                + " initializers=" + initializers.stream().map(i -> i.getClass().getName()).toList()
                + " initParams=" + initParameters);
        System.out.flush();

        Thread lifetime = new Thread(() -> awaitStopCommand(), "stdin-watch");
        lifetime.setDaemon(true);
        lifetime.start();
        lifetime.join(TimeUnit.SECONDS.toMillis(maxSeconds));
        stopWithin(container, STOP_DEADLINE_MS);
    }

    private static Map<String, String> initParameters(String spec) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Expected name=value in ferry.bench.initParams, got '" + pair + "'");
            }
            params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return params;
    }

    private static void awaitStopCommand() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
                // ignore anything else
            }
        } catch (Exception e) {
            // Standard input broken: treat like end of input.
        }
    }

    private static void stopWithin(EmbeddedServer container, long deadlineMs) throws InterruptedException {
        Thread stopper = new Thread(() -> {
            try {
                container.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "stopper");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(deadlineMs);
        // Container threads may linger (idle pools, sessions still closing): exit regardless. Exit
        // runs the shutdown hooks (a flight recording started with -XX:StartFlightRecording is
        // written by one); halt if they take too long.
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_EXIT_MS);
            } catch (InterruptedException e) {
                // halt now
            }
            Runtime.getRuntime().halt(0);
        }, "halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
