package dev.ferry.benchmarks.fanout;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.embedded.ServerSettings;
import dev.ferry.embedded.WebApp;
import jakarta.servlet.ServletContainerInitializer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
 * The server of the fan-out benchmark, one flavour per JVM:
 * {@code FanOutServer <ferry-tomcat|ferry-jetty|tomcat|jetty> [maxSeconds] [name=value,...]}. Serves
 * {@code /fanout} on 127.0.0.1 on a free port: {@link TopicFanOutEndpoint} in the Ferry flavours,
 * {@link LoopFanOutEndpoint} in Tomcat's and Jetty's own; the init parameters (a Redis URI, a node
 * name) go to the web application. Prints {@code READY port=<port>}, stops when standard input
 * ends or says {@code stop}, or after {@code maxSeconds}.
 */
public final class FanOutServer {

    private FanOutServer() {
    }

    public static void main(String[] args) throws Exception {
        String flavour = args[0];
        long maxSeconds = args.length > 1 ? Long.parseLong(args[1]) : 1800;
        Map<String, String> initParameters = parameters(args.length > 2 ? args[2] : "");
        boolean ferry = flavour.startsWith("ferry-");
        requireImplementation(ferry ? "dev.ferry.servlet.FerryServletContainerInitializer"
                : flavour.equals("tomcat") ? "org.apache.tomcat.websocket.server.WsSci"
                : "org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer");
        // Loaded by name: the loop endpoint's class path has no Ferry class for the other to link to.
        Class<?> endpoint = Class.forName("dev.ferry.benchmarks.fanout."
                + (ferry ? "TopicFanOutEndpoint" : "LoopFanOutEndpoint"));
        List<Initializer> initializers = new ArrayList<>();
        for (ServletContainerInitializer sci : ServiceLoader.load(ServletContainerInitializer.class)) {
            initializers.add(new Initializer(sci, Set.of(endpoint)));
        }
        EmbeddedServer server = (flavour.endsWith("tomcat") ? ServerKind.TOMCAT : ServerKind.JETTY).create();
        server.start(ServerSettings.onPort(0).withHost("127.0.0.1").withGracefulStop(Duration.ofSeconds(2))
                .withRootApp(WebApp.builder().initializers(initializers).initParameters(initParameters)
                        .httpSessions(false).build()));
        if (server instanceof dev.ferry.embedded.TomcatServer tomcat) {
            // Tomcat stops accepting at 8,192 connections by default; the benchmark opens 10,000.
            tomcat.setConnectorProperty("maxConnections", "-1");
        }
        System.out.println("READY port=" + server.port() + " flavour=" + flavour + " endpoint="
                + endpoint.getSimpleName() + " initParams=" + initParameters);
        System.out.flush();
        Thread watch = new Thread(FanOutServer::awaitStop, "stdin-watch");
        watch.setDaemon(true);
        watch.start();
        watch.join(TimeUnit.SECONDS.toMillis(maxSeconds));
        Thread stopper = new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "stopper");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(10_000);
        Runtime.getRuntime().halt(0);
    }

    private static void requireImplementation(String marker) {
        try {
            Class.forName(marker, false, FanOutServer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The class path lacks the implementation to measure: " + marker);
        }
    }

    private static Map<String, String> parameters(String spec) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return params;
    }

    private static void awaitStop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
                // anything else is ignored
            }
        } catch (Exception e) {
            // standard input broken: stop
        }
    }
}
