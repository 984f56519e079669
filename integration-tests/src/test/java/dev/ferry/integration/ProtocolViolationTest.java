package dev.ferry.integration;

import static dev.ferry.integration.RawWebSocketClient.BINARY;
import static dev.ferry.integration.RawWebSocketClient.CLOSE;
import static dev.ferry.integration.RawWebSocketClient.CONTINUATION;
import static dev.ferry.integration.RawWebSocketClient.PING;
import static dev.ferry.integration.RawWebSocketClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.embedded.ServerKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames that break RFC 6455, written by hand: each must end with the right close code from the
 * server, and then the server must close the TCP connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolViolationTest {

    /** How long the server may take to drop TCP after failing the connection. */
    private static final long CLOSE_DEADLINE_MILLIS = 3_000;

    private RunningServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(TestEndpoints.ALL);
    }

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    /** The actions of one violation, on a connected client. */
    private interface Violation {
        void send(RawWebSocketClient client) throws Exception;
    }

    private void assertClosedWith(ServerKind kind, String path, int expectedCode, Violation violation) throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), path)) {
            violation.send(client);
            RawWebSocketClient.Frame close = client.readUntilClose();
            assertEquals(expectedCode, close.closeCode(), "close code; reason: " + close.closeReason());
            client.assertServerClosesConnection(CLOSE_DEADLINE_MILLIS);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void unmaskedClientFrame(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(true, 0, TEXT, utf8("hi"), false));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void reservedOpcode(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(true, 3, utf8("x")));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void rsv1WithoutExtension(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(true, 4, TEXT, utf8("hi"), true));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void controlFrameOf126Bytes(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(true, PING, new byte[126]));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void fragmentedPing(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(false, PING, utf8("pi")));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void continuationWithoutStart(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(true, CONTINUATION, utf8("lost")));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void newTextFrameInsideFragmentedMessage(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> {
            c.sendFrame(false, TEXT, utf8("first "));
            c.sendFrame(true, TEXT, utf8("second"));
        });
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void invalidUtf8InText(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1007, c -> c.sendFrame(true, TEXT, new byte[] {'o', 'k', (byte) 0xC0, (byte) 0x80}));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void invalidUtf8InSecondFragment(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1007, c -> {
            c.sendFrame(false, TEXT, utf8("valid start "));
            c.sendFrame(true, CONTINUATION, new byte[] {'x', (byte) 0xFF, 'y'});
        });
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void textOverTheEndpointsMaximum(ServerKind kind) throws Exception {
        byte[] tooBig = new byte[TestEndpoints.Small.MAX + 1];
        Arrays.fill(tooBig, (byte) 'a');
        assertClosedWith(kind, "/small", 1009, c -> c.sendFrame(true, TEXT, tooBig));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void closePayloadOfOneByte(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(true, CLOSE, new byte[] {0x03}));
    }

    static Stream<Arguments> codesNotAllowedOnTheWire() {
        return Stream.of(ServerKind.values())
                .flatMap(kind -> Stream.of(1005, 999, 5000).map(code -> Arguments.of(kind, code)));
    }

    @ParameterizedTest
    @MethodSource("codesNotAllowedOnTheWire")
    void closeCodeNotAllowedOnTheWire(ServerKind kind, int code) throws Exception {
        assertClosedWith(kind, "/echo", 1002, c -> c.sendFrame(true, CLOSE, RawWebSocketClient.closePayload(code, new byte[0])));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void closeReasonWithInvalidUtf8(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1007,
                c -> c.sendFrame(true, CLOSE, RawWebSocketClient.closePayload(1000, new byte[] {'b', (byte) 0xC3})));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void validCloseIsEchoedAndTheServerClosesTcp(ServerKind kind) throws Exception {
        assertClosedWith(kind, "/echo", 1000, c -> c.sendFrame(true, CLOSE, RawWebSocketClient.closePayload(1000, utf8("bye"))));
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void binaryEchoOverRawFramesStillWorksAfterPing(ServerKind kind) throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(servers.port(kind), "/echo")) {
            client.sendFrame(true, PING, utf8("p"));
            RawWebSocketClient.Frame pong = client.readFrame();
            assertEquals(RawWebSocketClient.PONG, pong.opcode());
            assertEquals("p", new String(pong.payload(), StandardCharsets.UTF_8));
            client.sendFrame(false, BINARY, new byte[] {1, 2});
            client.sendFrame(true, CONTINUATION, new byte[] {3});
            RawWebSocketClient.Frame echo = client.readFrame();
            assertEquals(BINARY, echo.opcode());
            assertEquals("[1, 2, 3]", Arrays.toString(echo.payload()));
        }
    }
}
