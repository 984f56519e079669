package dev.ferry.fuzz.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeds of {@code HandshakeFuzzTest}: the headers of an opening handshake (names from the test's
 * list of eight, values of at most 80 characters), the method, the protocol, then one switch per
 * extension offer that parses.
 */
final class HandshakeSeeds {

    /** {@code HandshakeFuzzTest.NAMES}, in its order (a test checks that they agree). */
    static final List<String> NAMES = List.of("Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
            "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Origin", "Host");
    private static final List<String> METHODS = List.of("GET", "POST", "get");
    private static final List<String> PROTOCOLS = List.of("HTTP/1.1", "HTTP/1.0", "HTTP/2");
    private static final int MAX_HEADERS = 12;
    private static final int MAX_VALUE = 80;
    private static final int MAX_PROTOCOL = 10;

    /** RFC 6455, section 1.3 (the key) and 4.1. */
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private HandshakeSeeds() {
    }

    private record Header(String name, String value) {
    }

    private static Header h(String name, String value) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("HandshakeFuzzTest does not send " + name);
        }
        return new Header(name, value);
    }

    /** The handshake of RFC 6455, section 1.2, with {@code extra} headers after it. */
    private static List<Header> rfcRequest(Header... extra) {
        List<Header> headers = new ArrayList<>(List.of(h("Host", "server.example.com"), h("Upgrade", "websocket"),
                h("Connection", "Upgrade"), h("Sec-WebSocket-Key", RFC_KEY), h("Origin", "http://example.com"),
                h("Sec-WebSocket-Protocol", "chat, superchat"), h("Sec-WebSocket-Version", "13")));
        headers.addAll(List.of(extra));
        return headers;
    }

    /**
     * @param protocol one of the test's three, or anything else of up to 10 characters
     * @param offerSwitches one per extension offer the parser accepts (the test asks for one each)
     */
    private static Seed seed(String name, List<Header> headers, String method, String protocol, boolean... offerSwitches) {
        FuzzInput input = new FuzzInput().intIn(0, MAX_HEADERS, headers.size());
        for (Header header : headers) {
            input.intIn(0, NAMES.size() - 1, NAMES.indexOf(header.name())).string(MAX_VALUE, header.value());
        }
        input.intIn(0, METHODS.size() - 1, METHODS.indexOf(method));
        int protocolIndex = PROTOCOLS.indexOf(protocol);
        // The test builds its array of protocols, and so reads the fourth one, before it picks.
        input.string(MAX_PROTOCOL, protocolIndex >= 0 ? "" : protocol);
        input.intIn(0, PROTOCOLS.size(), protocolIndex >= 0 ? protocolIndex : PROTOCOLS.size());
        for (boolean offerSwitch : offerSwitches) {
            input.bool(offerSwitch);
        }
        return new Seed(name, input);
    }

    private static Seed offer(String name, String extensions, boolean... offerSwitches) {
        return seed(name, rfcRequest(h("Sec-WebSocket-Extensions", extensions)), "GET", "HTTP/1.1", offerSwitches);
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        seeds.add(seed("rfc6455-valid-request", rfcRequest(), "GET", "HTTP/1.1"));
        seeds.add(seed("minimal-valid-request", List.of(h("Upgrade", "websocket"), h("Connection", "Upgrade"),
                h("Sec-WebSocket-Key", RFC_KEY), h("Sec-WebSocket-Version", "13")), "GET", "HTTP/1.1"));
        seeds.add(seed("missing-key", List.of(h("Host", "localhost"), h("Upgrade", "websocket"), h("Connection", "Upgrade"),
                h("Sec-WebSocket-Version", "13")), "GET", "HTTP/1.1"));
        seeds.add(seed("wrong-version-8", List.of(h("Upgrade", "websocket"), h("Connection", "Upgrade"),
                h("Sec-WebSocket-Key", RFC_KEY), h("Sec-WebSocket-Version", "8")), "GET", "HTTP/1.1"));
        seeds.add(seed("version-list-13-and-8", List.of(h("Upgrade", "websocket"), h("Connection", "Upgrade"),
                h("Sec-WebSocket-Key", RFC_KEY), h("Sec-WebSocket-Version", "13, 8")), "GET", "HTTP/1.1"));
        seeds.add(seed("missing-upgrade", List.of(h("Connection", "Upgrade"), h("Sec-WebSocket-Key", RFC_KEY),
                h("Sec-WebSocket-Version", "13")), "GET", "HTTP/1.1"));
        seeds.add(seed("connection-keep-alive-upgrade-firefox", rfcRequest(h("Connection", "keep-alive, Upgrade")),
                "GET", "HTTP/1.1"));
        seeds.add(seed("header-values-in-odd-case-and-spacing", List.of(h("Upgrade", "  WebSocket "),
                h("Connection", "UPGRADE"), h("Sec-WebSocket-Key", " " + RFC_KEY + " "), h("Sec-WebSocket-Version", "13 ")),
                "GET", "HTTP/1.1"));
        seeds.add(seed("key-too-short", rfcRequest(h("Sec-WebSocket-Key", "AAAA")), "GET", "HTTP/1.1"));
        seeds.add(seed("key-not-base64", List.of(h("Upgrade", "websocket"), h("Connection", "Upgrade"),
                h("Sec-WebSocket-Key", "not base64 at all, but 24!"), h("Sec-WebSocket-Version", "13")), "GET", "HTTP/1.1"));
        seeds.add(seed("every-header-empty", NAMES.stream().map(n -> h(n, "")).toList(), "GET", "HTTP/1.1"));
        seeds.add(seed("twelve-headers-with-repeats", rfcRequest(h("Sec-WebSocket-Key", "AQIDBAUGBwgJCgsMDQ4PEA=="),
                h("Upgrade", "h2c"), h("Sec-WebSocket-Protocol", "v2.chat"), h("Origin", "null"), h("Host", "[::1]:8080")),
                "GET", "HTTP/1.1"));
        seeds.add(seed("backslashes-and-quotes-in-values", rfcRequest(h("Sec-WebSocket-Protocol", "a\\b, \"c\""),
                h("Origin", "http://exa\\mple.com")), "GET", "HTTP/1.1"));
        seeds.add(seed("non-ascii-header-values", rfcRequest(h("Origin", "http://bücher.example"),
                h("Sec-WebSocket-Protocol", "chat€")), "GET", "HTTP/1.1"));
        seeds.add(seed("post-method", rfcRequest(), "POST", "HTTP/1.1"));
        seeds.add(seed("lower-case-get", rfcRequest(), "get", "HTTP/1.1"));
        seeds.add(seed("http-1-0", rfcRequest(), "GET", "HTTP/1.0"));
        seeds.add(seed("http-2", rfcRequest(), "GET", "HTTP/2"));
        seeds.add(seed("unknown-protocol-http-1-2", rfcRequest(), "GET", "HTTP/1.2"));

        // permessage-deflate offers (RFC 7692, section 7.1), each with the switch the test passes to accept().
        seeds.add(offer("deflate-offer-chrome", "permessage-deflate; client_max_window_bits", true));
        seeds.add(offer("deflate-offer-window-bits-both-10", "permessage-deflate; server_max_window_bits=10; client_max_window_bits=10",
                false));
        seeds.add(offer("deflate-offer-no-context-takeover",
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover", true));
        seeds.add(offer("deflate-offer-quoted-window-bits", "permessage-deflate; client_max_window_bits=\"15\"", true));
        seeds.add(offer("deflate-offers-fallback-list",
                "permessage-deflate; server_max_window_bits=8, permessage-deflate", true, false));
        seeds.add(offer("deflate-offer-window-bits-16", "permessage-deflate; client_max_window_bits=16", true));
        seeds.add(offer("deflate-offer-window-bits-7", "permessage-deflate; server_max_window_bits=7", true));
        seeds.add(offer("deflate-offer-server-window-bits-without-value", "permessage-deflate; server_max_window_bits",
                true));
        seeds.add(offer("deflate-offer-repeated-parameter",
                "permessage-deflate; server_no_context_takeover; server_no_context_takeover", true));
        seeds.add(offer("deflate-offer-unknown-parameter", "permessage-deflate; unknown_param=1", false));
        seeds.add(offer("other-extensions-and-deflate", "x-webkit-deflate-frame, foo; bar=\"a,b\", permessage-deflate",
                false, false, true));
        seeds.add(offer("malformed-extension-header", "permessage-deflate; =; ;, ,; \"", true));
        return seeds;
    }
}
