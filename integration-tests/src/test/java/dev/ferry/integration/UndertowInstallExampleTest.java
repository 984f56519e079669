package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.servlet.FerryServletContainerInitializer;
import dev.ferry.testsupport.JdkMessageCollector;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Embedded Undertow with Ferry exactly as docs/install-undertow.md shows it (keep the two in step):
 * the code there, the log lines it quotes, and a session closed with 1001 when the application stops.
 */
class UndertowInstallExampleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theInstallPagesExampleServesEndpointsAndLogsItsRoute() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger routeLog = Logger.getLogger("dev.ferry.servlet.RouteLog");
        routeLog.addHandler(capture);
        try {
            // --- as on the page ---
            DeploymentInfo app = Servlets.deployment()
                    .setClassLoader(EchoEndpoint.class.getClassLoader())
                    .setContextPath("/")
                    .setDeploymentName("chat")
                    .addInitParameter("dev.ferry.idleTimeout", "300000")
                    .addServletContainerInitializer(new ServletContainerInitializerInfo(
                            FerryServletContainerInitializer.class, Set.of(EchoEndpoint.class)));
            DeploymentManager manager = Servlets.newContainer().addDeployment(app);
            manager.deploy();
            Undertow server = Undertow.builder()
                    .addHttpListener(0, "127.0.0.1") // the page says 8080 and "0.0.0.0"
                    .setHandler(Handlers.path().addPrefixPath("/", manager.start()))
                    .build();
            server.start();
            // ---
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            JdkMessageCollector messages = new JdkMessageCollector();
            try {
                WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/echo"), messages)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                ws.sendText("hello", true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals("hello", messages.nextMessage(WAIT));
            } finally {
                // --- as on the page: the application first (Ferry closes its sessions with 1001), then the server ---
                manager.stop();
                manager.undeploy();
                server.stop();
                // ---
            }
            assertEquals(1001, messages.awaitClose(WAIT).code());
        } finally {
            routeLog.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(m -> m.startsWith("Ferry WebSocket serves the root web application on Undertow - ")
                && m.endsWith(": every connection takes the servlet upgrade (no faster route in this container), callbacks "
                + "on Undertow's worker threads")), String.valueOf(logged));
        assertTrue(logged.contains("Ferry WebSocket, the root web application: first connection through servlet upgrade "
                + "(no faster route in this container), callbacks on Undertow's worker threads"), String.valueOf(logged));
    }
}
