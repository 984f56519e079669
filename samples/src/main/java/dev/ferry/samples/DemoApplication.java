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
        server.start(port, webApp(bridges, moreEndpoints));
    }

    /** The demo as a web application. */
    static WebApp webApp(List<TcpBridge> bridges, Set<Class<?>> moreEndpoints) {
        Set<Class<?>> endpoints = new LinkedHashSet<>(ENDPOINTS);
        endpoints.addAll(moreEndpoints);
        WebApp.Builder app = FerryWebApp.deploying(endpoints)
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
