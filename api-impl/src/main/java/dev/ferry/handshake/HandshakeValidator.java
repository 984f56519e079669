package dev.ferry.handshake;

import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Checks that a request is a well-formed RFC 6455 opening handshake (§4.2.1) before any endpoint
 * code sees it. It checks only what the protocol requires; origin, subprotocol and extension
 * negotiation belong to the endpoint's configurator.
 */
public final class HandshakeValidator {

    /** The only protocol version this server speaks (RFC 6455). */
    public static final String SUPPORTED_VERSION = "13";

    static final String UPGRADE = "Upgrade";
    static final String CONNECTION = "Connection";
    static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";
    static final String SEC_WEBSOCKET_VERSION = "Sec-WebSocket-Version";

    /** A key is 16 random bytes, which base64 always spells as 22 characters and "==". */
    private static final int KEY_BYTES = 16;
    private static final int KEY_CHARS = 24;

    /** Longer digit strings are not versions anyone sends; refusing them keeps parsing trivial. */
    private static final int MAX_VERSION_DIGITS = 9;

    private HandshakeValidator() {
    }

    /** Whether the request asks to switch to WebSocket at all ({@code Upgrade} lists {@code websocket}). */
    public static boolean isWebSocketUpgrade(UpgradeRequest request) {
        return HeaderTokens.contains(HeaderLookup.values(request.headers(), UPGRADE), "websocket");
    }

    /**
     * {@code null} when {@code request} is a valid opening handshake, else the rejection to send:
     * 426 with {@code Sec-WebSocket-Version: 13} for an unsupported version, 400 for anything else.
     */
    public static UpgradeDecision.Reject check(UpgradeRequest request) {
        Map<String, List<String>> headers = request.headers();
        if (!"GET".equals(request.method())) {
            return badRequest("The WebSocket opening handshake must use method GET, not "
                    + SafeText.quote(request.method()));
        }
        if (!isHttp11OrLater(request.protocol())) {
            return badRequest("The WebSocket opening handshake needs HTTP/1.1 or later, not "
                    + SafeText.quote(request.protocol()));
        }
        if (!isWebSocketUpgrade(request)) {
            return badRequest("Header Upgrade must contain the token websocket");
        }
        if (!HeaderTokens.contains(HeaderLookup.values(headers, CONNECTION), "upgrade")) {
            return badRequest("Header Connection must contain the token Upgrade");
        }
        UpgradeDecision.Reject keyProblem = checkKey(HeaderLookup.values(headers, SEC_WEBSOCKET_KEY));
        if (keyProblem != null) {
            return keyProblem;
        }
        return checkVersion(HeaderLookup.values(headers, SEC_WEBSOCKET_VERSION));
    }

    private static UpgradeDecision.Reject checkKey(List<String> lines) {
        if (lines.isEmpty() || lines.get(0) == null) {
            return badRequest("Header Sec-WebSocket-Key is missing");
        }
        if (lines.size() > 1) {
            return badRequest("Header Sec-WebSocket-Key must be sent once, but was sent " + lines.size() + " times");
        }
        String key = lines.get(0).trim();
        if (key.length() != KEY_CHARS) {
            return badRequest("Header Sec-WebSocket-Key must be 24 base64 characters encoding 16 bytes, but has "
                    + key.length() + " characters");
        }
        byte[] nonce;
        try {
            nonce = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            return badRequest("Header Sec-WebSocket-Key is not valid base64: " + SafeText.quote(key));
        }
        if (nonce.length != KEY_BYTES) {
            return badRequest("Header Sec-WebSocket-Key must encode 16 bytes, but encodes " + nonce.length);
        }
        return null;
    }

    private static UpgradeDecision.Reject checkVersion(List<String> lines) {
        if (lines.isEmpty() || lines.get(0) == null) {
            return badRequest("Header Sec-WebSocket-Version is missing");
        }
        if (lines.size() > 1) {
            return badRequest("Header Sec-WebSocket-Version must be sent once, but was sent " + lines.size() + " times");
        }
        String version = lines.get(0).trim();
        if (!isDigits(version)) {
            return badRequest("Header Sec-WebSocket-Version must be a number, not " + SafeText.quote(version));
        }
        if (Integer.parseInt(version) != Integer.parseInt(SUPPORTED_VERSION)) {
            // RFC 6455 §4.4: answer 426 and list the versions we do speak, so the client can retry.
            return new UpgradeDecision.Reject(426, Map.of(SEC_WEBSOCKET_VERSION, List.of(SUPPORTED_VERSION)),
                    "WebSocket version " + version + " is not supported; this server supports version "
                            + SUPPORTED_VERSION);
        }
        return null;
    }

    /** Accepts {@code HTTP/major.minor} (or {@code HTTP/major}) at or above 1.1. */
    private static boolean isHttp11OrLater(String protocol) {
        if (protocol == null || !protocol.startsWith("HTTP/")) {
            return false;
        }
        String version = protocol.substring("HTTP/".length());
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        String minor = dot < 0 ? "0" : version.substring(dot + 1);
        if (!isDigits(major) || !isDigits(minor)) {
            return false;
        }
        int majorNumber = Integer.parseInt(major);
        return majorNumber > 1 || (majorNumber == 1 && Integer.parseInt(minor) >= 1);
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > MAX_VERSION_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static UpgradeDecision.Reject badRequest(String message) {
        return new UpgradeDecision.Reject(400, Map.of(), message);
    }
}
