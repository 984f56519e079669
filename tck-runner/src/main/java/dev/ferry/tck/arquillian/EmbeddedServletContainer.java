package dev.ferry.tck.arquillian;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerSettings;
import dev.ferry.embedded.WebAppStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian's view of an embedded Tomcat 11, Jetty 12.1 or Undertow 2.3 with Ferry at server level. Arquillian
 * 1.9 accepts exactly one {@link DeployableContainer} service on the class path, so this one class
 * is registered and the {@code server} property of each {@code arquillian.xml} container picks the
 * {@link dev.ferry.embedded.ServerKind} behind it, started and given WARs through the launcher the
 * other modules share ({@link EmbeddedServer}).
 *
 * <p>Tests run as clients (the "Local" protocol): they talk to the deployed endpoints over the
 * network, never from inside the server.
 */
public final class EmbeddedServletContainer implements DeployableContainer<EmbeddedServerConfiguration> {

    private static final System.Logger LOG = System.getLogger(EmbeddedServletContainer.class.getName());

    private EmbeddedServerConfiguration configuration;
    private EmbeddedServer server;
    private Path workDir;
    private final Map<String, ExplodedWar> deployed = new ConcurrentHashMap<>();

    @Override
    public Class<EmbeddedServerConfiguration> getConfigurationClass() {
        return EmbeddedServerConfiguration.class;
    }

    @Override
    public void setup(EmbeddedServerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        EmbeddedServer s = configuration.serverKind().create();
        try {
            workDir = Files.createTempDirectory("ferry-arquillian-" + configuration.serverKind().cliName());
            // No graceful wait at stop: WebSocket connections never end by themselves. Stopping
            // a context lets Ferry close its sessions.
            s.start(ServerSettings.onPort(configuration.getBindHttpPort()).withHost(configuration.getBindAddress())
                    .withGracefulStop(Duration.ZERO));
        } catch (Exception e) {
            stopQuietly(s);
            throw new LifecycleException("Could not start embedded " + configuration.serverKind().cliName(), e);
        }
        server = s;
        LOG.log(System.Logger.Level.INFO, "Embedded {0} with Ferry listening on {1}:{2,number,#}",
                configuration.serverKind().cliName(), configuration.getBindAddress(), s.port());
    }

    @Override
    public void stop() throws LifecycleException {
        EmbeddedServer s = server;
        server = null;
        try {
            if (s != null) {
                s.stop();
            }
            if (workDir != null) {
                ExplodedWar.deleteRecursively(workDir);
            }
        } catch (Exception e) {
            throw new LifecycleException("Could not stop embedded " + configuration.serverKind().cliName(), e);
        } finally {
            deployed.clear();
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!(archive instanceof WebArchive)) {
            throw new DeploymentException("Only WARs can be deployed to an embedded servlet container, not " + archive.getName());
        }
        if (deployed.containsKey(archive.getName())) {
            throw new DeploymentException(archive.getName() + " is already deployed");
        }
        ExplodedWar war;
        WebAppStart result;
        try {
            war = ExplodedWar.explode(archive, workDir);
            result = server.deployWar(war.directory(), war.contextPath());
        } catch (Exception e) {
            throw new DeploymentException("Could not deploy " + archive.getName() + " to " + configuration.serverKind().cliName(), e);
        }
        if (!result.available() && configuration.isReportStartFailures()) {
            undeployQuietly(war);
            throw new DeploymentException(archive.getName() + " did not start in " + configuration.serverKind().cliName()
                    + (result.cause() == null ? "; see the log above" : ": " + result.cause()), result.cause());
        }
        deployed.put(archive.getName(), war);
        HTTPContext http = new HTTPContext(configuration.getBindAddress(), server.port());
        // One servlet entry carrying the context path: Arquillian builds @ArquillianResource URL from it.
        http.add(new Servlet("ferry", war.contextPath()));
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        ExplodedWar war = deployed.remove(archive.getName());
        if (war == null) {
            return; // it failed to deploy, and was cleaned up then
        }
        try {
            server.undeployWar(war.contextPath());
            war.delete();
        } catch (Exception e) {
            throw new DeploymentException("Could not undeploy " + archive.getName(), e);
        }
    }

    private void undeployQuietly(ExplodedWar war) {
        try {
            server.undeployWar(war.contextPath());
            war.delete();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Cleaning up after the failed start of " + war.archiveName() + " failed", e);
        }
    }

    private static void stopQuietly(EmbeddedServer s) {
        try {
            s.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "Stopping a server that did not start failed", e);
        }
    }
}
