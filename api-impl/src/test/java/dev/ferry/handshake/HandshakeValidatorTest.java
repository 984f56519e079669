package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.handshake.UpgradeDecision;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeValidatorTest {

    private static UpgradeDecision.Reject assertBadRequest(FakeUpgradeRequest request, String... messageParts) {
        UpgradeDecision.Reject reject = HandshakeValidator.check(request);
        assertNotNull(reject, "expected a rejection");
        assertEquals(400, reject.status(), reject.message());
        assertEquals(Map.of(), reject.headers());
        for (String part : messageParts) {
            assertTrue(reject.message().contains(part), () -> "'" + reject.message() + "' lacks '" + part + "'");
        }
        return reject;
    }

    private static String keyOfBytes(int length) {
        return Base64.getEncoder().encodeToString(new byte[length]);
    }

    @Test
    void acceptsTheRfcExampleHandshake() {
        assertNull(HandshakeValidator.check(FakeUpgradeRequest.valid()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upgrade", "upgrade", "UPGRADE", "keep-alive, Upgrade", "Upgrade, keep-alive", "keep-alive,upgrade"})
    void acceptsConnectionListingUpgradeInAnyCaseAndPosition(String connection) {
        assertNull(HandshakeValidator.check(FakeUpgradeRequest.valid().header("Connection", connection)));
    }

    @Test
    void acceptsConnectionUpgradeOnASecondHeaderLine() {
        assertNull(HandshakeValidator.check(FakeUpgradeRequest.valid().header("Connection", "keep-alive", "Upgrade")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "WebSocket", "WEBSOCKET", "h2c, websocket", "websocket , foo"})
    void acceptsUpgradeListingWebsocketInAnyCaseAndPosition(String upgrade) {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid().header("Upgrade", upgrade);
        assertTrue(HandshakeValidator.isWebSocketUpgrade(request));
        assertNull(HandshakeValidator.check(request));
    }

    @Test
    void acceptsUpgradeWebsocketOnASecondHeaderLine() {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid().header("Upgrade", "h2c", "websocket");
        assertTrue(HandshakeValidator.isWebSocketUpgrade(request));
        assertNull(HandshakeValidator.check(request));
    }

    @Test
    void findsHeadersWhateverTheirNameCase() {
        FakeUpgradeRequest request = new FakeUpgradeRequest();
        request.headers.clear();
        request.header("upgrade", "websocket").header("CONNECTION", "upgrade")
                .header("sec-websocket-key", FakeUpgradeRequest.SAMPLE_KEY).header("SEC-WEBSOCKET-VERSION", "13");
        assertNull(HandshakeValidator.check(request));
    }

    @Test
    void isNotAWebSocketUpgradeWithoutTheToken() {
        assertFalse(HandshakeValidator.isWebSocketUpgrade(FakeUpgradeRequest.valid().without("Upgrade")));
        assertFalse(HandshakeValidator.isWebSocketUpgrade(FakeUpgradeRequest.valid().header("Upgrade", "h2c")));
        assertFalse(HandshakeValidator.isWebSocketUpgrade(FakeUpgradeRequest.valid().header("Upgrade", "websockets")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "get", "HEAD", "CONNECT"})
    void refusesAnyMethodButGet(String method) {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid();
        request.method = method;
        assertBadRequest(request, "GET", method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/0.9", "http/1.1", "HTTP/", "HTTP/1.x", "SPDY/3", ""})
    void refusesProtocolsBeforeHttp11(String protocol) {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid();
        request.protocol = protocol;
        assertBadRequest(request, "HTTP/1.1");
    }

    @Test
    void refusesAMissingProtocol() {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid();
        request.protocol = null;
        assertBadRequest(request, "HTTP/1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1", "HTTP/1.2", "HTTP/2", "HTTP/2.0", "HTTP/3"})
    void acceptsHttp11AndLater(String protocol) {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid();
        request.protocol = protocol;
        assertNull(HandshakeValidator.check(request));
    }

    @Test
    void refusesMissingOrWrongUpgrade() {
        assertBadRequest(FakeUpgradeRequest.valid().without("Upgrade"), "Upgrade", "websocket");
        assertBadRequest(FakeUpgradeRequest.valid().header("Upgrade", "h2c"), "Upgrade", "websocket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keep-alive", "close", "upgrades", ""})
    void refusesConnectionWithoutUpgrade(String connection) {
        assertBadRequest(FakeUpgradeRequest.valid().header("Connection", connection), "Connection", "Upgrade");
    }

    @Test
    void refusesAMissingConnection() {
        assertBadRequest(FakeUpgradeRequest.valid().without("Connection"), "Connection");
    }

    @Test
    void refusesAMissingKey() {
        assertBadRequest(FakeUpgradeRequest.valid().without("Sec-WebSocket-Key"), "Sec-WebSocket-Key", "missing");
    }

    @Test
    void refusesARepeatedKey() {
        assertBadRequest(FakeUpgradeRequest.valid().header("Sec-WebSocket-Key",
                FakeUpgradeRequest.SAMPLE_KEY, FakeUpgradeRequest.SAMPLE_KEY), "Sec-WebSocket-Key", "once");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 32})
    void refusesKeysNotEncodingSixteenBytes(int length) {
        assertBadRequest(FakeUpgradeRequest.valid().header("Sec-WebSocket-Key", keyOfBytes(length)), "Sec-WebSocket-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dGhlIHNhbXBsZSBub25jZQ!!", "dGhlIHNhbXBsZSBub25jZQ=A", "dGhl IHNhbXBsZSBub25jZQ=",
        "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ=="
            + "=", "________________________"})
    void refusesKeysThatAreNotSixteenBytesOfStandardBase64(String key) {
        assertBadRequest(FakeUpgradeRequest.valid().header("Sec-WebSocket-Key", key), "Sec-WebSocket-Key");
    }

    @Test
    void acceptsAKeyWithSurroundingWhitespace() {
        assertNull(HandshakeValidator.check(
                FakeUpgradeRequest.valid().header("Sec-WebSocket-Key", " " + FakeUpgradeRequest.SAMPLE_KEY + " ")));
    }

    @Test
    void sixteenBytesOfAnyValueAreAValidKey() {
        byte[] nonce = new byte[16];
        java.util.Arrays.fill(nonce, (byte) 0xff);
        assertNull(HandshakeValidator.check(FakeUpgradeRequest.valid()
                .header("Sec-WebSocket-Key", Base64.getEncoder().encodeToString(nonce))));
    }

    @Test
    void refusesAMissingVersion() {
        assertBadRequest(FakeUpgradeRequest.valid().without("Sec-WebSocket-Version"), "Sec-WebSocket-Version", "missing");
    }

    @Test
    void refusesARepeatedVersion() {
        assertBadRequest(FakeUpgradeRequest.valid().header("Sec-WebSocket-Version", "13", "13"),
                "Sec-WebSocket-Version", "once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"thirteen", "13.0", "-13", "", "13, 8", "0x0d"})
    void refusesAVersionThatIsNotANumber(String version) {
        assertBadRequest(FakeUpgradeRequest.valid().header("Sec-WebSocket-Version", version),
                "Sec-WebSocket-Version", "number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "7", "0", "14", "255"})
    void answersOtherVersionsWith426NamingVersion13(String version) {
        UpgradeDecision.Reject reject = HandshakeValidator.check(
                FakeUpgradeRequest.valid().header("Sec-WebSocket-Version", version));
        assertNotNull(reject);
        assertEquals(426, reject.status());
        assertEquals(Map.of("Sec-WebSocket-Version", List.of("13")), reject.headers());
        assertTrue(reject.message().contains(version) && reject.message().contains("13"), reject.message());
    }

    @Test
    void acceptsVersionWithSurroundingWhitespace() {
        assertNull(HandshakeValidator.check(FakeUpgradeRequest.valid().header("Sec-WebSocket-Version", " 13 ")));
    }

    @Test
    void checksTheMethodFirst() {
        FakeUpgradeRequest request = FakeUpgradeRequest.valid().without("Upgrade").without("Sec-WebSocket-Key");
        request.method = "POST";
        assertBadRequest(request, "GET");
    }

    @Test
    void doesNotEchoLongOrControlCharacterInput() {
        String hostile = "x".repeat(5000) + "\r\nSet-Cookie: a=b";
        FakeUpgradeRequest request = FakeUpgradeRequest.valid().header("Sec-WebSocket-Version", hostile);
        UpgradeDecision.Reject reject = assertBadRequest(request, "Sec-WebSocket-Version");
        assertTrue(reject.message().length() < 200, reject.message());
        assertFalse(reject.message().contains("\r") || reject.message().contains("\n"));

        FakeUpgradeRequest badMethod = FakeUpgradeRequest.valid();
        badMethod.method = "P\r\nOST" + "y".repeat(1000);
        UpgradeDecision.Reject methodReject = assertBadRequest(badMethod, "GET");
        assertTrue(methodReject.message().length() < 200, methodReject.message());
        assertFalse(methodReject.message().contains("\n"));
    }
}
