package dev.ferry.samples.tcp;

import java.net.InetSocketAddress;

/** The one TCP service a bridge deployment relays to. It comes from the server's configuration, never from a client. */
public record TcpTarget(String host, int port) {

    public TcpTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The TCP target needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The TCP target's port must be 1 to 65535, not " + port);
        }
    }

    /**
     * Parses {@code host:port}; an IPv6 host goes in brackets, {@code [::1]:5900}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static TcpTarget parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("A TCP target is host:port, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A TCP target is host:port, not '" + text + "'");
        }
        return new TcpTarget(host, port);
    }

    /** Resolved afresh at each connection, so that a DNS change is seen without a restart. */
    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
