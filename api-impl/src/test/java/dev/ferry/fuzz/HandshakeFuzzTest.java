package dev.ferry.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.extension.DeflateParameters;
import dev.ferry.handshake.ExtensionHeader;
import dev.ferry.handshake.HandshakeValidator;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeRequest;
import jakarta.websocket.Extension;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hostile handshake headers: validation answers with a 400/426 or accepts; header parsing fails
 * only with IllegalArgumentException; nothing else escapes.
 */
class HandshakeFuzzTest {

    private static final String[] NAMES = {"Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
        "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Origin", "Host"};

    @FuzzTest(maxDuration = "15s")
    void handshakeHeadersNeverBreakTheServer(FuzzedDataProvider data) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            String name = data.pickValue(NAMES);
            headers.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(data.consumeString(80));
        }
        String method = data.pickValue(new String[] {"GET", "POST", "get"});
        String protocol = data.pickValue(new String[] {"HTTP/1.1", "HTTP/1.0", "HTTP/2", data.consumeString(10)});
        UpgradeDecision.Reject reject = HandshakeValidator.check(request(method, protocol, headers));
        if (reject != null) {
            assertTrue(reject.status() == 400 || reject.status() == 426, "status " + reject.status());
        }
        try {
            for (Extension offer : ExtensionHeader.parse(headers.getOrDefault("Sec-WebSocket-Extensions", List.of()))) {
                DeflateParameters.accept(offer, data.consumeBoolean());
                DeflateParameters.fromResponse(offer);
                ExtensionHeader.format(List.of(offer));
            }
        } catch (IllegalArgumentException expected) {
            // Malformed header: the handshake answers 400.
        }
    }

    private static UpgradeRequest request(String method, String protocol, Map<String, List<String>> headers) {
        return new UpgradeRequest() {
            public String method() { return method; }
            public String protocol() { return protocol; }
            public String path() { return "/"; }
            public URI requestUri() { return URI.create("ws://localhost/"); }
            public String queryString() { return null; }
            public Map<String, List<String>> headers() { return headers; }
            public Map<String, List<String>> parameters() { return Map.of(); }
            public Principal userPrincipal() { return null; }
            public boolean isUserInRole(String role) { return false; }
            public Object httpSession() { return null; }
            public boolean isSecure() { return false; }
        };
    }

    /** Entry point for a long run with Jazzer's own launcher (see docs/testing.md, "Fuzzing"). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        new HandshakeFuzzTest().handshakeHeadersNeverBreakTheServer(data);
    }
}
