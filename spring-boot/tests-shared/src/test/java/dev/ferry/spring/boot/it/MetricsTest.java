package dev.ferry.spring.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Ferry's endpoint counters as Micrometer meters, moved by real traffic, and in Actuator. */
@FerryBootTest
class MetricsTest {

    private static final String ROOMS = "/rooms/{room}";

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry registry;

    /** The current value of a ferry.websocket meter of the root application; 0 while it does not exist yet. */
    private double value(String name, String path) {
        Meter meter = registry.find("ferry.websocket." + name).tags("application", "/", "path", path).meter();
        if (meter == null) {
            return 0;
        }
        return meter.measure().iterator().next().getValue();
    }

    @Test
    void anExchangeWithAnExportedEndpointMovesItsCounters() throws Exception {
        double opened = value("sessions.opened", ROOMS);
        double closed = value("sessions.closed", ROOMS);
        double received = value("messages.received", ROOMS);
        double sent = value("messages.sent", ROOMS);
        double bytesIn = value("bytes.received", ROOMS);
        double bytesOut = value("bytes.sent", ROOMS);

        Peers.JdkConnection connection = Peers.jdk(port, "/rooms/metrics");
        connection.socket().sendText("count me", true).orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals("metrics: count me", connection.nextText());

        assertEquals(opened + 1, value("sessions.opened", ROOMS));
        assertTrue(value("sessions.open", ROOMS) >= 1);
        assertEquals(received + 1, value("messages.received", ROOMS));
        // A masked client frame of 8 bytes: 2 header bytes, 4 of mask, 8 of payload.
        assertEquals(bytesIn + 14, value("bytes.received", ROOMS));
        // Sent bytes are counted once the connection took them, which may be just after the
        // client read them.
        awaitValue(sent + 1, () -> value("messages.sent", ROOMS), "messages.sent");
        // The answer "metrics: count me", unmasked: 2 header bytes and 17 of payload.
        awaitValue(bytesOut + 19, () -> value("bytes.sent", ROOMS), "bytes.sent");

        connection.close();
        awaitValue(closed + 1, () -> value("sessions.closed", ROOMS), "sessions.closed");
        double errorCloses = registry.find("ferry.websocket.error.closes").tags("path", ROOMS).functionCounters()
                .stream().mapToDouble(counter -> counter.count()).sum();
        assertEquals(0, errorCloses, "normal closes are no errors");
    }

    @Test
    void stompSessionsAreCountedUnderTheStompEndpointsPattern() throws Exception {
        double opened = value("sessions.opened", "/stomp");
        double received = value("messages.received", "/stomp");
        double sent = value("messages.sent", "/stomp");

        Peers.JdkConnection connection = Peers.jdk(port, "/stomp", "v12.stomp");
        try {
            connection.socket().sendText("CONNECT\naccept-version:1.2\nhost:localhost\n\n\0", true)
                    .orTimeout(10, TimeUnit.SECONDS).join();
            assertTrue(connection.nextText().startsWith("CONNECTED\n"));
            assertEquals(opened + 1, value("sessions.opened", "/stomp"));
            assertEquals(received + 1, value("messages.received", "/stomp"), "the CONNECT frame");
            awaitValue(sent + 1, () -> value("messages.sent", "/stomp"), "messages.sent (the CONNECTED frame)");
        } finally {
            connection.close();
        }
    }

    @Test
    void actuatorShowsTheMetersPerPath() throws Exception {
        Peers.JdkConnection connection = Peers.jdk(port, "/rooms/actuator");
        try {
            connection.socket().sendText("seen by actuator", true).orTimeout(10, TimeUnit.SECONDS).join();
            connection.nextText();
        } finally {
            connection.close();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/actuator/metrics/ferry.websocket.messages.received"
                                + "?tag=path:/rooms/%7Broom%7D&tag=application:/")).timeout(Peers.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Matcher count = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)").matcher(response.body());
        assertTrue(count.find(), response.body());
        assertTrue(Double.parseDouble(count.group(1)) >= 1, response.body());
        assertEquals(value("messages.received", ROOMS), Double.parseDouble(count.group(1)));
    }

    /** Waits until {@code actual} reaches {@code expected} (the server counts a close after the client sent it). */
    private static void awaitValue(double expected, DoubleSupplier actual, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Peers.TIMEOUT.toNanos();
        while (actual.getAsDouble() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " stayed at " + actual.getAsDouble() + ", expected " + expected);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
