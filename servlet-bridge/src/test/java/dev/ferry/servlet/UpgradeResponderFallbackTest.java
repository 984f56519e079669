package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeDecision.PendingSession;
import dev.ferry.servlet.route.ContainerRoute;
import dev.ferry.servlet.route.UpgradeRoute;
import dev.ferry.transport.Transport;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A container route that fails with a {@link LinkageError} (a container whose internals differ)
 * never loses the connection silently: where the servlet upgrade works the connection takes it,
 * where it does not the handshake is refused with 500; either way the log warns, once, with the
 * cause.
 */
class UpgradeResponderFallbackTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger routeLogger = Logger.getLogger(RouteLog.class.getName());

    @BeforeEach
    void captureLog() {
        routeLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        routeLogger.removeHandler(capture);
    }

    @Test
    void aLinkageErrorFallsBackToTheServletUpgradeWhereThatWorks() throws Exception {
        Exchange exchange = new Exchange();
        ContainerRoutes routes = new ContainerRoutes(new BrokenRoute(true), "unused", new RouteLog("web application /t"));

        UpgradeResponder.respond(exchange.accept(), exchange.request(), exchange.response(), routes);
        UpgradeResponder.respond(exchange.accept(), exchange.request(), exchange.response(), routes);

        assertEquals(2, exchange.upgrades.size(), "each connection takes the servlet upgrade");
        assertEquals(101, exchange.status);
        assertNull(exchange.abandoned);
        List<LogRecord> warnings = at(Level.WARNING);
        assertEquals(1, warnings.size(), "one warning, not one per connection");
        assertTrue(warnings.get(0).getMessage().contains("broken route is unavailable"), warnings.get(0).getMessage());
        assertInstanceOf(NoSuchMethodError.class, warnings.get(0).getThrown());
        assertTrue(at(Level.INFO).stream().anyMatch(r -> r.getMessage().endsWith(
                "first connection through servlet upgrade (broken route failed)")));
    }

    @Test
    void aLinkageErrorRefusesTheHandshakeWhereTheServletUpgradeWouldLoseTheConnection() throws Exception {
        Exchange exchange = new Exchange();
        ContainerRoutes routes = new ContainerRoutes(new BrokenRoute(false), "unused", new RouteLog("web application /t"));

        UpgradeResponder.respond(exchange.accept(), exchange.request(), exchange.response(), routes);

        assertEquals(List.of(), exchange.upgrades, "no servlet upgrade");
        assertEquals(500, exchange.status);
        assertInstanceOf(NoSuchMethodError.class, exchange.abandoned);
        assertEquals(1, at(Level.WARNING).size());
        assertTrue(at(Level.WARNING).get(0).getMessage().contains("refused with 500"));
    }

    private List<LogRecord> at(Level level) {
        return logged.stream().filter(r -> r.getLevel() == level).toList();
    }

    /** A route whose container lacks a method it was compiled against. */
    private record BrokenRoute(boolean servletUpgradeWorks) implements ContainerRoute {
        @Override
        public UpgradeRoute upgrade(HttpServletRequest request, PendingSession session) {
            throw new NoSuchMethodError("'void org.example.Internal.gone()'");
        }

        @Override
        public String name() {
            return "broken route";
        }

        @Override
        public String description() {
            return "a route for the test";
        }
    }

    /** A handshake's request and response, recording what the responder did to them. */
    private static final class Exchange {
        final List<Class<?>> upgrades = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status;
        Throwable abandoned;

        UpgradeDecision.Accept accept() {
            return new UpgradeDecision.Accept(Map.of("Upgrade", List.of("websocket")), new PendingSession() {
                @Override
                public void start(Transport transport) {
                }

                @Override
                public void abandon(Throwable cause) {
                    abandoned = cause;
                }
            });
        }

        HttpServletRequest request() {
            return proxy(HttpServletRequest.class, (method, args) -> switch (method) {
                case "upgrade" -> {
                    upgrades.add((Class<?>) args[0]);
                    yield new FerryUpgradeHandler();
                }
                case "getRemoteAddr", "getLocalAddr" -> "127.0.0.1";
                case "getRemotePort", "getLocalPort" -> 1;
                case "isSecure" -> false;
                case "getRequestURI" -> "/t";
                default -> throw new UnsupportedOperationException(method);
            });
        }

        HttpServletResponse response() {
            return proxy(HttpServletResponse.class, (method, args) -> switch (method) {
                case "setStatus" -> {
                    status = (Integer) args[0];
                    yield null;
                }
                case "setHeader", "addHeader", "reset", "setContentType", "setContentLength" -> null;
                case "isCommitted" -> false;
                case "getOutputStream" -> new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }

                    @Override
                    public void write(int b) {
                        body.write(b);
                    }
                };
                default -> throw new UnsupportedOperationException(method);
            });
        }

        private interface Answer {
            Object answer(String method, Object[] args);
        }

        private static <T> T proxy(Class<T> type, Answer answer) {
            return type.cast(Proxy.newProxyInstance(UpgradeResponderFallbackTest.class.getClassLoader(),
                    new Class<?>[] {type}, (p, method, args) -> answer.answer(method.getName(), args)));
        }
    }
}
