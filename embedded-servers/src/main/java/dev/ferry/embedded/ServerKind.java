package dev.ferry.embedded;

import java.util.Arrays;
import java.util.Locale;

/** The servlet containers Ferry is run in. */
public enum ServerKind {
    /** Tomcat 11 ({@code tomcat-embed-core} only, so no WebSocket implementation of its own). */
    TOMCAT,
    /** Jetty 12.1, ee10 environment (Servlet 6.0), without Jetty's WebSocket modules. */
    JETTY,
    /** Jetty 12.1, ee11 environment (Servlet 6.1), without Jetty's WebSocket modules. */
    JETTY_EE11,
    /** Undertow 2.3 ({@code undertow-servlet}, Servlet 6.0), without {@code undertow-websockets-jsr}. */
    UNDERTOW;

    /**
     * A new server of this kind, not yet started. The constructors are called here rather than
     * referenced from the constants: a reference would load every container's classes at once, and
     * a class path may hold only one container.
     */
    public EmbeddedServer create() {
        return switch (this) {
            case TOMCAT -> new TomcatServer();
            case JETTY -> JettyServer.ee10();
            case JETTY_EE11 -> JettyServer.ee11();
            case UNDERTOW -> new UndertowServer();
        };
    }

    /** The name on command lines and in configuration, e.g. {@code tomcat}, {@code jetty-ee11} or {@code undertow}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind called {@code name} on a command line (case and surrounding spaces ignored), or null. */
    public static ServerKind fromCliName(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.cliName().equals(wanted)).findFirst().orElse(null);
    }
}
