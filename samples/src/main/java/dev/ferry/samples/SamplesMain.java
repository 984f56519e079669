package dev.ferry.samples;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The demo: {@code java -jar samples/target/ferry-samples.jar [--port N] [--container tomcat|jetty|jetty-ee11]}
 * serves {@link EchoEndpoint} at {@code /echo} from an embedded servlet container running Ferry.
 */
public final class SamplesMain {

    private static final String USAGE = "Usage: java -jar ferry-samples.jar [--port N] [--container tomcat|jetty|jetty-ee11]\n"
            + "  --port N         TCP port to listen on (default 8080; 0 picks a free one)\n"
            + "  --container C    servlet container to run Ferry in: tomcat (default), jetty (ee10) or jetty-ee11";

    private SamplesMain() {
    }

    /** What the command line asked for. */
    record Options(int port, ServerKind kind) {
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
        server.start(options.port(), Set.of(EchoEndpoint.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(server, stopped), "ferry-samples-shutdown"));
        System.out.println("Ferry echo endpoint: ws://localhost:" + server.port() + "/echo (container: "
                + options.kind().cliName() + ")");
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
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'.");
            }
        }
        return new Options(port, kind);
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

    private static void stopOnSignal(EmbeddedServer server, CountDownLatch stopped) {
        PrintStream out = System.out;
        try {
            server.stop();
            out.println("Ferry samples stopped.");
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            stopped.countDown();
        }
    }
}
