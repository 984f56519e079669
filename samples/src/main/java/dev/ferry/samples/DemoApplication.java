package dev.ferry.samples;

import dev.ferry.samples.chat.ChatEndpoint;
import dev.ferry.samples.tcp.TcpBridge;
import jakarta.servlet.ServletContainerInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the demo deploys: the chat page at {@code /}, the chat at {@code /chat/{room}}, the echo
 * endpoint at {@code /echo} and, when configured, the TCP bridge at {@code /tcp}. The demo's
 * main and the tests start it the same way.
 */
public final class DemoApplication {

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
        Set<Class<?>> endpoints = new java.util.LinkedHashSet<>(ENDPOINTS);
        endpoints.addAll(moreEndpoints);
        List<EmbeddedServer.Initializer> extras = new ArrayList<>();
        extras.add(pages());
        for (TcpBridge bridge : bridges) {
            extras.add(bridge.initializer());
        }
        server.start(port, endpoints, extras.toArray(EmbeddedServer.Initializer[]::new));
    }

    /** Registers {@link ChatPageServlet}, the way an application's own initializer would. */
    static EmbeddedServer.Initializer pages() {
        ServletContainerInitializer pages = (classes, context) ->
                context.addServlet("chat-page", new ChatPageServlet()).addMapping(ChatPageServlet.MAPPINGS);
        return new EmbeddedServer.Initializer(pages, Set.of());
    }
}
