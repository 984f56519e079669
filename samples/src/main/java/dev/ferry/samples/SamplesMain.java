package dev.ferry.samples;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.samples.cdi.CdiSample;
import dev.ferry.samples.cdi.GreeterEndpoint;
import dev.ferry.samples.tcp.TcpBridge;
import dev.ferry.samples.tcp.TcpTarget;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo: {@code java -jar samples/target/ferry-samples.jar [--port N] [--container tomcat|jetty|jetty-ee11|undertow]
 * [--tcp-target host:port]} serves the chat page at {@code /} (chat rooms at {@code /chat/{room}}),
 * {@link EchoEndpoint} at {@code /echo} and, when given a target, the TCP bridge at {@code /tcp},
 * from an embedded servlet container running Ferry (see {@link DemoApplication}); and, when Weld is
 * on the class path (built with {@code -Pcdi}), the CDI sample {@link GreeterEndpoint} at
 * {@code /cdi/greeter}.
 */
public final class SamplesMain {

    private static final String USAGE = "Usage: java -jar ferry-samples.jar [--port N] [--container tomcat|jetty|jetty-ee11|undertow] [--tcp-target host:port]\n"
            + "       [--redis redis://host:port] [--node NAME]\n"
            + "  --port N         TCP port to listen on (default 8080; 0 picks a free one)\n"
            + "  --container C    servlet container to run Ferry in: tomcat (default), jetty (ee10), jetty-ee11 or undertow\n"
            + "  --tcp-target H:P relay WebSocket connections at /tcp (subprotocol binary or base64) to this TCP service\n"
            + "  --redis URI      share the chat rooms with every demo started with the same Redis\n"
            + "  --node NAME      this demo's name in the chat's welcome (default: host and process id)";

    private SamplesMain() {
    }

    /** What the command line asked for. */
    record Options(int port, ServerKind kind, TcpTarget tcpTarget, String redis, String node) {

        Options(int port, ServerKind kind, TcpTarget tcpTarget) {
            this(port, kind, tcpTarget, null, null);
        }

        /** Ferry's broadcast settings the options ask for. */
        Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            if (redis != null) {
                settings.put("dev.ferry.broadcast.redis.uri", redis);
            }
            if (node != null) {
                settings.put("dev.ferry.broadcast.nodeName", node);
            }
            return settings;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        EmbeddedServer server = options.kind().create();
        TcpBridge bridge = options.tcpTarget() == null ? null : new TcpBridge(options.tcpTarget());
        // With Weld on the class path, CDI runs and Ferry takes endpoint instances from it.
        boolean withCdi = CdiSample.weldVisible();
        AutoCloseable cdi = withCdi ? CdiSample.startWeld() : () -> { };
        DemoApplication.start(server, options.port(), bridge == null ? List.of() : List.of(bridge),
                withCdi ? Set.of(GreeterEndpoint.class) : Set.of(), options.settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(server, cdi, stopped),
                "ferry-samples-shutdown"));
        String host = "localhost:" + server.port();
        System.out.println("Ferry demo in " + options.kind().cliName() + ":");
        System.out.println("  Chat (open in a browser): http://" + host + "/");
        System.out.println("  Echo endpoint:            ws://" + host + "/echo");
        if (bridge != null) {
            System.out.println("  TCP bridge:               ws://" + host + bridge.path() + " -> " + bridge.target());
        }
        if (withCdi) {
            System.out.println("  CDI greeter:              ws://" + host + "/cdi/greeter");
        }
        if (options.redis() != null) {
            System.out.println("  Chat rooms shared through " + options.redis());
        }
        System.out.println("Stop with Ctrl+C.");
        // Container threads may be daemons (Tomcat's are), so keep the JVM alive until told to stop.
        while (!stopped.await(1, TimeUnit.HOURS)) {
            // keep serving
        }
    }

    /**
     * @return null when help was asked for
     * @throws IllegalArgumentException saying what is wrong with the arguments
     */
    static Options parse(String[] args) {
        int port = 8080;
        ServerKind kind = ServerKind.TOMCAT;
        TcpTarget tcpTarget = null;
        String redis = null;
        String node = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> port = parsePort(valueOf(args, ++i, arg));
                case "--container" -> {
                    String name = valueOf(args, ++i, arg);
                    kind = ServerKind.fromCliName(name);
                    if (kind == null) {
                        throw new IllegalArgumentException("Unknown container '" + name + "'.");
                    }
                }
                case "--tcp-target" -> tcpTarget = TcpTarget.parse(valueOf(args, ++i, arg));
                case "--redis" -> redis = valueOf(args, ++i, arg);
                case "--node" -> node = valueOf(args, ++i, arg);
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'.");
            }
        }
        return new Options(port, kind, tcpTarget, redis, node);
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Port must be a number from 0 to 65535, not '" + value + "'.");
    }

    private static void stopOnSignal(EmbeddedServer server, AutoCloseable cdi, CountDownLatch stopped) {
        PrintStream out = System.out;
        try {
            server.stop();
            cdi.close();
            out.println("Ferry samples stopped.");
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            stopped.countDown();
        }
    }
}
