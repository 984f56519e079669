package dev.ferry.pojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.message.Coders.Point;
import dev.ferry.message.Coders;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Open, close and error handling of PojoEndpoint. */
public class PojoEndpointLifecycleTest {

    public static class LifecycleEndpoint {
        final List<Object> events = new ArrayList<>();

        @OnOpen
        public void opened(EndpointConfig config, @PathParam("room") String room, Session session) {
            events.add("open " + room);
            events.add(config);
            events.add(session);
        }

        @OnMessage(maxMessageSize = 100)
        public void onText(String text) throws IOException {
            if (text.equals("fail")) {
                throw new IOException("checked failure");
            }
            events.add("text " + text);
        }

        @OnClose
        public void closed(CloseReason reason, Session session, @PathParam("room") String room) {
            events.add("close " + reason.getCloseCode().getCode() + " " + room);
            if (reason.getReasonPhrase().equals("explode")) {
                throw new IllegalStateException("close failed");
            }
        }

        @OnError
        public void failed(Session session, Throwable error, @PathParam("room") String room) {
            events.add(error);
        }
    }

    @Test
    void openRegistersHandlersAppliesSizesAndCallsOnOpen() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, Map.of("room", "lobby"));
        assertEquals(List.of("open lobby", harness.config, harness.session), endpoint.events);
        assertEquals(1, harness.session.getMessageHandlers().size());
        assertEquals(100, harness.session.getMaxTextMessageBufferSize());
        assertEquals(8192, harness.session.getMaxBinaryMessageBufferSize());
    }

    @Test
    void onMessageExceptionGoesToOnErrorUnwrapped() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, Map.of("room", "lobby"));
        endpoint.events.clear();
        harness.session.receiveText("fail");
        harness.session.receiveText("after");
        assertEquals(2, endpoint.events.size(), endpoint.events::toString);
        IOException error = assertInstanceOf(IOException.class, endpoint.events.get(0));
        assertEquals("checked failure", error.getMessage());
        assertEquals("text after", endpoint.events.get(1));
    }

    @Test
    void closeCallsOnCloseAndItsFailureGoesToOnError() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, Map.of("room", "lobby"));
        endpoint.events.clear();
        harness.endpoint.onClose(harness.session,
                new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "explode"));
        assertEquals("close 1001 lobby", endpoint.events.get(0));
        assertInstanceOf(IllegalStateException.class, endpoint.events.get(1));
    }

    @Test
    void engineReportedErrorsReachOnError() throws Exception {
        LifecycleEndpoint endpoint = new LifecycleEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, Map.of("room", "lobby"));
        RuntimeException error = new RuntimeException("transport");
        harness.endpoint.onError(harness.session, new java.lang.reflect.InvocationTargetException(error));
        assertSame(error, endpoint.events.get(endpoint.events.size() - 1));
    }

    public static class FailingOpen {
        final List<Throwable> errors = new ArrayList<>();

        @OnOpen
        public void opened() {
            throw new UnsupportedOperationException("no");
        }

        @OnError
        public void failed(Throwable error) {
            errors.add(error);
        }
    }

    @Test
    void onOpenExceptionGoesToOnError() throws Exception {
        FailingOpen endpoint = new FailingOpen();
        PojoHarness.open(endpoint);
        assertEquals(1, endpoint.errors.size());
        assertInstanceOf(UnsupportedOperationException.class, endpoint.errors.get(0));
    }

    public static class DecodingEndpoint {
        final List<Object> events = new ArrayList<>();

        @OnMessage
        public void onPoint(Point point, @PathParam("id") int id) {
            events.add(point);
        }

        @OnError
        public void failed(Throwable error) {
            events.add(error);
        }
    }

    @Test
    void decodeExceptionReachesOnError() throws Exception {
        DecodingEndpoint endpoint = new DecodingEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, Map.of("id", "1"), List.of(Coders.FailingPointTextDecoder.class));
        harness.session.receiveText("P:1,2");
        assertEquals(1, endpoint.events.size());
        DecodeException error = assertInstanceOf(DecodeException.class, endpoint.events.get(0));
        assertEquals("P:1,2", error.getText());
    }

    @Test
    void unconvertiblePathParameterIsADecodeExceptionForOnError() throws Exception {
        DecodingEndpoint endpoint = new DecodingEndpoint();
        PojoHarness harness = PojoHarness.open(endpoint, Map.of("id", "seven"), List.of(Coders.PointTextDecoder.class));
        harness.session.receiveText("P:1,2");
        assertEquals(1, endpoint.events.size());
        DecodeException error = assertInstanceOf(DecodeException.class, endpoint.events.get(0));
        assertTrue(error.getMessage().contains("seven"), error.getMessage());
    }

    public static class NoOnError {
        @OnMessage
        public void onText(String text) {
            throw new IllegalArgumentException("unhandled " + text);
        }
    }

    public static class ThrowingOnError {
        @OnMessage
        public void onText(String text) {
            throw new IllegalArgumentException("first");
        }

        @OnError
        public void failed(Throwable error) {
            throw new IllegalStateException("second");
        }
    }

    /** Captures what the JUL backend of System.Logger receives for one logger name. */
    private static final class CapturedLog implements AutoCloseable {
        final List<LogRecord> records = new ArrayList<>();
        private final Logger logger;
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        CapturedLog(Class<?> endpointClass) {
            logger = Logger.getLogger(endpointClass.getName());
            logger.addHandler(handler);
            logger.setUseParentHandlers(false);
        }

        @Override
        public void close() {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }
    }

    @Test
    void withoutOnErrorTheErrorIsLoggedWithTheEndpointClass() throws Exception {
        try (CapturedLog log = new CapturedLog(NoOnError.class)) {
            PojoHarness.open(new NoOnError()).session.receiveText("x");
            assertEquals(1, log.records.size());
            LogRecord record = log.records.get(0);
            assertEquals(Level.WARNING, record.getLevel());
            assertTrue(record.getMessage().contains(NoOnError.class.getName()), record.getMessage());
            assertEquals("unhandled x", record.getThrown().getMessage());
        }
    }

    @Test
    void anExceptionFromOnErrorIsLoggedNotRethrown() throws Exception {
        try (CapturedLog log = new CapturedLog(ThrowingOnError.class)) {
            PojoHarness.open(new ThrowingOnError()).session.receiveText("x");
            assertEquals(1, log.records.size());
            Throwable thrown = log.records.get(0).getThrown();
            assertEquals("second", thrown.getMessage());
            assertEquals("first", thrown.getSuppressed()[0].getMessage());
        }
    }
}
