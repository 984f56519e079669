package dev.ferry.tck.arquillian;

import dev.ferry.embedded.ServerKind;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The {@code <configuration>} of a container in {@code arquillian.xml}: which server, where it
 * listens, and what a web application that fails to start means.
 */
public final class EmbeddedServerConfiguration implements ContainerConfiguration {

    private String server = "tomcat";
    private String bindAddress = "127.0.0.1";
    private int bindHttpPort = 0;
    private boolean reportStartFailures = true;

    @Override
    public void validate() throws ConfigurationException {
        if (ServerKind.fromCliName(server) == null) {
            throw new ConfigurationException("server must be one of tomcat, jetty, jetty-ee11, undertow; not " + server);
        }
        if (bindHttpPort < 0 || bindHttpPort > 65535) {
            throw new ConfigurationException("bindHttpPort must be 0 (any free port) to 65535, not " + bindHttpPort);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new ConfigurationException("bindAddress must name an address to listen on, e.g. 127.0.0.1");
        }
    }

    public String getServer() {
        return server;
    }

    /**
     * {@code tomcat} (embedded Tomcat 11), {@code jetty} (embedded Jetty 12.1, ee10), {@code jetty-ee11}
     * or {@code undertow} (embedded Undertow 2.3).
     */
    public void setServer(String server) {
        this.server = server;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public int getBindHttpPort() {
        return bindHttpPort;
    }

    /** 0, the default, picks a free port; tests learn it from {@code @ArquillianResource URL}. */
    public void setBindHttpPort(int bindHttpPort) {
        this.bindHttpPort = bindHttpPort;
    }

    public boolean isReportStartFailures() {
        return reportStartFailures;
    }

    /**
     * {@code true} (the default): a web application that fails to start (e.g. Ferry refuses an
     * endpoint) makes {@code deploy} throw, which {@code @ShouldThrowException} can expect.
     * {@code false}: it stays deployed but unavailable, and the test runs against it; the official
     * TCK's negative deployment tests work that way (they then check that no endpoint answers).
     */
    public void setReportStartFailures(boolean reportStartFailures) {
        this.reportStartFailures = reportStartFailures;
    }

    ServerKind serverKind() {
        return ServerKind.fromCliName(server);
    }
}
