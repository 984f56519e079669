package dev.ferry.samples.tcp;

import dev.ferry.embedded.Initializer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP bridge deployment: the endpoint at a path, the TCP service it relays to and the
 * threads that read from TCP, one per connection and at most {@code maxConnections} of them (a
 * connection past that is refused with 1013, rather than queued behind the others).
 */
public final class TcpBridge {

    /** Where the demo deploys its bridge. */
    public static final String PATH = "/tcp";

    private final String path;
    private final TcpTarget target;
    private final int maxConnections;
    private final int connectTimeoutMillis;
    private final ThreadPoolExecutor readers;

    public TcpBridge(String path, TcpTarget target, int maxConnections, int connectTimeoutMillis) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        this.path = path;
        this.target = target;
        this.maxConnections = maxConnections;
        this.connectTimeoutMillis = connectTimeoutMillis;
        AtomicInteger count = new AtomicInteger();
        // No queue: a connection either gets a thread now or is refused.
        this.readers = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "ferry-tcp-bridge-" + count.incrementAndGet());
            t.setDaemon(true); // a relay blocked in read must not keep the JVM alive
            return t;
        });
    }

    /** The demo's settings: at {@link #PATH}, 64 connections, 5 s to connect. */
    public TcpBridge(TcpTarget target) {
        this(PATH, target, 64, 5000);
    }

    public String path() {
        return path;
    }

    public TcpTarget target() {
        return target;
    }

    int maxConnections() {
        return maxConnections;
    }

    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** @throws RejectedExecutionException when every relay thread is busy */
    void execute(Runnable relay) {
        readers.execute(relay);
    }

    /** The endpoint's configuration; its configurator hands this bridge to every endpoint instance. */
    public ServerEndpointConfig endpointConfig() {
        TcpBridge bridge = this;
        return ServerEndpointConfig.Builder.create(TcpBridgeEndpoint.class, path)
                .subprotocols(List.of(Framing.SUBPROTOCOLS))
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new TcpBridgeEndpoint(bridge));
                    }
                })
                .build();
    }

    /**
     * Deploys the bridge into a web application. The endpoint is added from a context listener,
     * which runs after every initializer, so that Ferry's server container is there whatever
     * order the container runs initializers in.
     */
    public Initializer initializer() {
        ServletContainerInitializer deploy = (classes, context) -> context.addListener(new Deployer(context));
        return Initializer.of(deploy);
    }

    private final class Deployer implements ServletContextListener {
        private final ServletContext context;

        Deployer(ServletContext context) {
            this.context = context;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            Object container = context.getAttribute(ServerContainer.class.getName());
            if (!(container instanceof ServerContainer serverContainer)) {
                throw new IllegalStateException("No WebSocket ServerContainer in this application; is Ferry deployed?");
            }
            try {
                serverContainer.addEndpoint(endpointConfig());
            } catch (DeploymentException e) {
                throw new IllegalStateException("Cannot deploy the TCP bridge at " + path, e);
            }
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            // Ferry closes the sessions as the application stops, and each closes its TCP side;
            // idle threads then expire. Refuse new relays meanwhile.
            readers.shutdown();
        }
    }
}
