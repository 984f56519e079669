package dev.ferry.samples;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** The servlet containers the demo (and the integration tests) can run Ferry in. */
public enum ServerKind {
    TOMCAT(TomcatServer::new),
    /** Jetty 12.1, ee10 environment. */
    JETTY(JettyServer.Ee10::new),
    /** Jetty 12.1, ee11 environment. */
    JETTY_EE11(JettyServer.Ee11::new);

    private final Supplier<EmbeddedServer> factory;

    ServerKind(Supplier<EmbeddedServer> factory) {
        this.factory = factory;
    }

    /** A new, not yet started server of this kind. */
    public EmbeddedServer create() {
        return factory.get();
    }

    /** The command-line name, e.g. {@code tomcat} or {@code jetty-ee11}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind called {@code name} on the command line, or null. */
    public static ServerKind fromCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName().equals(name)).findFirst().orElse(null);
    }
}
