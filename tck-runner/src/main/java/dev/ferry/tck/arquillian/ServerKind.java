package dev.ferry.tck.arquillian;

import dev.ferry.tck.arquillian.jetty.JettyServletServer;
import dev.ferry.tck.arquillian.tomcat.TomcatServletServer;
import java.util.Locale;
import java.util.function.Supplier;

/** The embedded servers the adapter can run. */
enum ServerKind {
    TOMCAT(TomcatServletServer::new),
    JETTY(JettyServletServer::new);

    private final Supplier<ServletServer> factory;

    ServerKind(Supplier<ServletServer> factory) {
        this.factory = factory;
    }

    ServletServer newServer() {
        return factory.get();
    }

    static ServerKind of(String name) {
        if (name != null) {
            for (ServerKind kind : values()) {
                if (kind.name().equalsIgnoreCase(name.trim())) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("server must be one of tomcat, jetty; not " + name);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
