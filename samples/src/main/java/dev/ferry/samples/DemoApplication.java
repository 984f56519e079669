package dev.ferry.samples;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.FerryWebApp;
import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.WebApp;
import dev.ferry.samples.chat.ChatEndpoint;
import dev.ferry.samples.tcp.TcpBridge;
import jakarta.servlet.ServletContainerInitializer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the demo deploys: the chat page at {@code /}, the chat at {@code /chat/{room}}, the echo
 * endpoint at {@code /echo} and, when configured, the TCP bridge at {@code /tcp}. The demo's
 * main and the tests start it the same way.
 */
public final class DemoApplication {

    /** Broadcast events a chat member may have unwritten before it is closed as too slow. */
    static final int CHAT_QUEUE = 256;

    /** The annotated endpoints, handed to Ferry as if scanned. */
    public static final Set<Class<?>> ENDPOINTS = Set.of(ChatEndpoint.class, EchoEndpoint.class);

    private DemoApplication() {
    }

    /** Starts {@code server} on {@code port} with the demo and {@code bridges} (the demo has one or none). */
    public static void start(EmbeddedServer server, int port, List<TcpBridge> bridges) throws Exception {
        start(server, port, bridges, Set.of());
    }

    /** As {@link #start(EmbeddedServer, int, List)}, deploying {@code moreEndpoints} too (the CDI sample). */
    public static void start(EmbeddedServer server, int port, List<TcpBridge> bridges, Set<Class<?>> moreEndpoints)
            throws Exception {
        start(server, port, bridges, moreEndpoints, Map.of());
    }

    /**
     * As {@link #start(EmbeddedServer, int, List, Set)}, with more of Ferry's settings: e.g. a node
     * name and a Redis URI to share the chat rooms with other nodes (see {@link #clusterSettings}).
     */
    public static void start(EmbeddedServer server, int port, List<TcpBridge> bridges, Set<Class<?>> moreEndpoints,
            Map<String, String> settings) throws Exception {
        server.start(port, webApp(bridges, moreEndpoints, settings));
    }

    /** The settings of one node of several sharing the rooms through Redis at {@code redisUri}. */
    public static Map<String, String> clusterSettings(String nodeName, String redisUri) {
        return Map.of("dev.ferry.broadcast.nodeName", nodeName, "dev.ferry.broadcast.redis.uri", redisUri);
    }

    /** The demo as a web application. */
    static WebApp webApp(List<TcpBridge> bridges, Set<Class<?>> moreEndpoints) {
        return webApp(bridges, moreEndpoints, Map.of());
    }

    static WebApp webApp(List<TcpBridge> bridges, Set<Class<?>> moreEndpoints, Map<String, String> settings) {
        Set<Class<?>> endpoints = new LinkedHashSet<>(ENDPOINTS);
        endpoints.addAll(moreEndpoints);
        WebApp.Builder app = FerryWebApp.deploying(endpoints)
                // A chat member more than 256 events behind is closed (1008) rather than buffered without end.
                .initParameter("dev.ferry.broadcast.maxQueuedMessages", Integer.toString(CHAT_QUEUE))
                .initParameters(settings)
                .initializer(pages())
                .defaultServlet(new NotFoundServlet());
        for (TcpBridge bridge : bridges) {
            app.initializer(bridge.initializer());
        }
        return app.build();
    }

    /** Registers {@link ChatPageServlet}, the way an application's own initializer would. */
    static Initializer pages() {
        ServletContainerInitializer pages = (classes, context) ->
                context.addServlet("chat-page", new ChatPageServlet()).addMapping(ChatPageServlet.MAPPINGS);
        return Initializer.of(pages);
    }
}
