package dev.ferry.benchmarks.servers;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerKind;
import java.util.Locale;

/**
 * A servlet container together with the WebSocket implementation that serves in it. The flavour
 * decides which container class is started; which WebSocket implementation serves is decided by
 * the class path alone (see the benchmarks pom) and checked by {@link ClassPathGuard}.
 */
enum ServerFlavour {
    FERRY_TOMCAT(true, "ferry"),
    FERRY_JETTY(false, "ferry"),
    TOMCAT(true, "tomcat"),
    JETTY(false, "jetty"),
    /** Tomcat with no WebSocket implementation, upgrading to a handler that does nothing ({@link BareUpgrade}). */
    TOMCAT_BARE(true, "none");

    private final boolean tomcat;
    private final String implementation;

    ServerFlavour(boolean tomcat, String implementation) {
        this.tomcat = tomcat;
        this.implementation = implementation;
    }

    /** A new container of this flavour (Jetty in its ee10 environment); only its own classes are loaded. */
    EmbeddedServer newContainer() {
        return (tomcat ? ServerKind.TOMCAT : ServerKind.JETTY).create();
    }

    /** {@code ferry}, {@code tomcat}, {@code jetty}, or {@code none} for the bare upgrade. */
    String implementation() {
        return implementation;
    }

    /** The command line name, e.g. {@code ferry-tomcat}; also the name of its class path file. */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ServerFlavour byId(String id) {
        for (ServerFlavour f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown server flavour '" + id + "'; one of ferry-tomcat, ferry-jetty, tomcat, jetty, tomcat-bare");
    }
}
