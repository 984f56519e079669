package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.JdkMessageCollector;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.Principal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the Jakarta server API shows an application inside a real servlet container: the
 * handshake request (headers with cookies, parameters, principal, HTTP session), the session's
 * view of the request, and {@code ServerContainer.upgradeHttpToWebSocket} from a servlet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiInContainerTest {

    /** Copies what the handshake shows into the session's user properties. */
    public static class Recorder extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            Map<String, Object> p = sec.getUserProperties();
            p.put("cookie", String.valueOf(request.getHeaders().get("cookie")));
            HttpSession http = (HttpSession) request.getHttpSession();
            p.put("httpSession", http == null ? "none" : http.getId());
            Principal user = request.getUserPrincipal();
            p.put("principal", user == null ? "none" : user.getName());
            p.put("inRole", request.isUserInRole("captain"));
            p.put("handshakeParams", request.getParameterMap().toString());
            response.getHeaders().put("X-Ferry-Seen", List.of("yes"));
        }
    }

    @ServerEndpoint(value = "/info/{room}", configurator = Recorder.class)
    public static class Info {
        @OnOpen
        public void open(Session session, EndpointConfig config, @PathParam("room") String room) throws IOException {
            Map<String, Object> p = session.getUserProperties();
            session.getBasicRemote().sendText("room=" + room
                    + "|uri=" + session.getRequestURI().getPath()
                    + "|query=" + session.getQueryString()
                    + "|params=" + session.getRequestParameterMap()
                    + "|handshakeParams=" + p.get("handshakeParams")
                    + "|principal=" + p.get("principal")
                    + "|sessionPrincipal=" + (session.getUserPrincipal() == null ? "none" : session.getUserPrincipal().getName())
                    + "|inRole=" + p.get("inRole")
                    + "|cookie=" + p.get("cookie")
                    + "|httpSession=" + p.get("httpSession"));
        }

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    /** A programmatic endpoint's configuration, upgraded to by a servlet. */
    public static class Programmatic extends jakarta.websocket.Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            try {
                session.getBasicRemote().sendText("programmatic name=" + session.getPathParameters().get("name"));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }
    }

    /** Adds a principal to every request (as an authentication filter would) and two servlets. */
    static final class AppInitializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) {
            context.addFilter("fake-auth", new FakeAuthentication())
                    .addMappingForUrlPatterns(EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), false, "/*");
            context.addServlet("login", new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.setContentType("text/plain");
                    response.getWriter().write(request.getSession(true).getId());
                }
            }).addMapping("/login");
            context.addServlet("programmatic", new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response)
                        throws IOException, ServletException {
                    ServerContainer container = (ServerContainer) getServletContext()
                            .getAttribute(ServerContainer.class.getName());
                    ServerEndpointConfig config = ServerEndpointConfig.Builder
                            .create(Programmatic.class, "/programmatic/{name}").build();
                    try {
                        container.upgradeHttpToWebSocket(request, response, config,
                                Map.of("name", request.getPathInfo().substring(1)));
                    } catch (DeploymentException e) {
                        throw new ServletException(e);
                    }
                }
            }).addMapping("/programmatic/*");
        }
    }

    static final class FakeAuthentication implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> "alice";
                }

                @Override
                public boolean isUserInRole(String role) {
                    return "captain".equals(role);
                }
            }, response);
        }
    }

    private RunningServers servers;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(Set.of(Info.class),
                Initializer.of(new AppInitializer()));
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    private String firstMessage(ServerKind kind, String pathAndQuery, String cookie) throws Exception {
        JdkMessageCollector listener = new JdkMessageCollector();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        WebSocket ws = builder.buildAsync(URI.create("ws://127.0.0.1:" + servers.port(kind) + pathAndQuery), listener)
                .get(10, TimeUnit.SECONDS);
        try {
            return (String) listener.nextMessage(Duration.ofSeconds(10));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void handshakeRequestAndSessionShowTheRequest(ServerKind kind) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + servers.port(kind) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String httpSessionId = login.body();
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';')) + "; theme=dark";

        String info = firstMessage(kind, "/info/lobby?a=1&b=two&a=3", cookie);

        assertTrue(info.contains("room=lobby|"), info);
        assertTrue(info.contains("|uri=/info/lobby|"), info);
        assertTrue(info.contains("|query=a=1&b=two&a=3|"), info);
        assertTrue(info.contains("|params={a=[1, 3], b=[two]}") || info.contains("|params={b=[two], a=[1, 3]}"), info);
        assertTrue(info.contains("|principal=alice|sessionPrincipal=alice|inRole=true|"), info);
        assertTrue(info.contains("theme=dark"), info);
        assertTrue(info.endsWith("|httpSession=" + httpSessionId), info + " vs " + httpSessionId);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void configuratorHeadersReachTheClient(ServerKind kind) throws Exception {
        int port = servers.port(kind);
        try (RawHttpConnection c = RawHttpConnection.open(port)) {
            c.sendRequest("GET", "/info/x", port, "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Key: " + RawWebSocketClient.newKey(), "Sec-WebSocket-Version: 13");
            RawHttpConnection.Head head = c.readHead();
            assertEquals(101, head.status(), head.statusLine());
            assertEquals("yes", head.header("X-Ferry-Seen"));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aServletUpgradesToAProgrammaticEndpoint(ServerKind kind) throws Exception {
        assertEquals("programmatic name=bob", firstMessage(kind, "/programmatic/bob", null));
    }
}
