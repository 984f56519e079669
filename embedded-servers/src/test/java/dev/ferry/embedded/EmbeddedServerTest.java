package dev.ferry.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.testsupport.JdkMessageCollector;
import dev.ferry.testsupport.Poll;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every container kind, started the one way the other modules start them. */
class EmbeddedServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();

    /** Answers with a context init parameter, to show that the parameters reach the application. */
    static final class ParameterServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().print(getServletContext().getInitParameter("greeting"));
        }
    }

    private HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertEchoes(EmbeddedServer server, String path) throws Exception {
        JdkMessageCollector messages = new JdkMessageCollector();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), messages)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            assertTrue(server.openConnections() >= 1, "the upgraded connection is counted");
            ws.sendText("ping " + path, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("ping " + path, messages.nextMessage(WAIT));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1000, messages.awaitClose(WAIT).code());
        } finally {
            ws.abort();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void rootApplicationServesFerryServletsInitParametersAndA404ByDefault(ServerKind kind) throws Exception {
        try (EmbeddedServer server = kind.create()) {
            server.start(ServerSettings.onPort(0).withHost("127.0.0.1").withRootApp(FerryWebApp.deploying(Set.of(EchoEndpoint.class))
                    .initParameter("greeting", "hello from " + kind)
                    .servlet("parameter", new ParameterServlet(), "/greeting", "/hello/*")
                    .build()));
            assertTrue(server.port() > 0);
            assertEquals("hello from " + kind, get(server, "/greeting").body());
            assertEquals("hello from " + kind, get(server, "/hello/again").body());
            HttpResponse<String> missing = get(server, "/nothing-here");
            assertEquals(404, missing.statusCode());
            assertEquals("Nothing here.\n", missing.body());
            assertEchoes(server, "/echo");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aRootApplicationThatFailsToStartFailsTheStartWithItsCause(ServerKind kind) throws Exception {
        EmbeddedServer server = kind.create();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> server.start(0, FerryWebApp.deploying(Set.of(InvalidEndpoint.class)).build()));
        assertTrue(String.valueOf(e.getMessage()).contains("no-leading-slash"), e.toString());
        server.stop(); // stopped already: does nothing
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void warsAreDeployedWithFerryFromTheServerClassPathAndUndeployed(ServerKind kind, @TempDir Path temp) throws Exception {
        try (EmbeddedServer server = kind.create()) {
            server.start(ServerSettings.onPort(0).withHost("127.0.0.1").withGracefulStop(Duration.ZERO));
            Path war = ExplodedWars.write(temp, "shop", EchoEndpoint.class);
            WebAppStart started = server.deployWar(war, "/shop");
            assertTrue(started.available(), String.valueOf(started.cause()));
            assertEquals("hello from shop", get(server, "/shop/hello.txt").body());
            assertEchoes(server, "/shop/echo");

            server.undeployWar("/shop");
            Poll.until(WAIT, "/shop to be gone", () -> get(server, "/shop/hello.txt").statusCode() == 404);
            server.undeployWar("/shop"); // not deployed any more: does nothing
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aWarThatFailsToStartIsReportedWithItsCauseAndCanBeUndeployed(ServerKind kind, @TempDir Path temp) throws Exception {
        try (EmbeddedServer server = kind.create()) {
            server.start(ServerSettings.onPort(0).withHost("127.0.0.1"));
            WebAppStart failed = server.deployWar(ExplodedWars.write(temp, "broken", InvalidEndpoint.class), "/broken");
            assertFalse(failed.available());
            assertTrue(String.valueOf(failed.cause()).contains("no-leading-slash"), String.valueOf(failed.cause()));
            assertTrue(get(server, "/broken/hello.txt").statusCode() >= 400, "a failed application serves nothing");
            server.undeployWar("/broken");
        }
    }

    @Test
    void stoppedServersReleaseTheirPort() throws Exception {
        for (ServerKind kind : ServerKind.values()) {
            EmbeddedServer server = kind.create();
            server.start(0, WebApp.builder().build());
            int port = server.port();
            assertEquals(404, get(server, "/").statusCode());
            server.stop();
            assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString()), kind + " still listens");
        }
    }

    @Test
    void kindsGoByTheirCommandLineNames() {
        assertEquals(ServerKind.TOMCAT, ServerKind.fromCliName("tomcat"));
        assertEquals(ServerKind.JETTY, ServerKind.fromCliName(" Jetty "));
        assertEquals(ServerKind.JETTY_EE11, ServerKind.fromCliName("jetty-ee11"));
        assertEquals(ServerKind.UNDERTOW, ServerKind.fromCliName("undertow"));
        assertEquals(null, ServerKind.fromCliName("glassfish"));
        assertEquals("jetty-ee11", ServerKind.JETTY_EE11.cliName());
    }
}
