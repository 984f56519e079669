package dev.ferry.server;

import dev.ferry.broadcast.BroadcastSettings;
import dev.ferry.broadcast.Topics;
import dev.ferry.client.FerryClientContainer;
import dev.ferry.config.FerrySettings;
import dev.ferry.config.SessionDefaults;
import dev.ferry.engine.MessageBufferPool;
import dev.ferry.engine.frame.CloseCodes;
import dev.ferry.engine.frame.CloseFrames;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.extension.DeflateParameters;
import dev.ferry.extension.ServerExtensionNegotiation;
import dev.ferry.handshake.FerryExtension;
import dev.ferry.handshake.HandshakeValidator;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeRequest;
import dev.ferry.metrics.ContainerMetrics;
import dev.ferry.metrics.EndpointMetricsListener;
import dev.ferry.nio.CallbackContext;
import dev.ferry.nio.IoLoops;
import dev.ferry.nio.NioTransport;
import dev.ferry.nio.SelectorLoop;
import dev.ferry.session.HandshakeInfo;
import dev.ferry.transport.Transport;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The server container of one web application: deploys endpoints, answers handshakes and opens
 * sessions. It owns everything shared by its sessions (the timer thread, the id counter), so
 * nothing lives in statics and each application gets its own.
 */
public final class FerryServerContainer extends SessionDefaults implements ServerContainer, Topics.Owner {

    private static final System.Logger LOG = System.getLogger(FerryServerContainer.class.getName());

    /**
     * The request attribute under which an application (or a framework such as Spring) names the
     * group in which sessions opened by {@link #upgradeHttpToWebSocket} are counted: a path
     * template like {@code /stomp/**}, never a request's URL, since every group lives as long as
     * the application. Without it such sessions are not counted.
     */
    public static final String METRICS_PATH_ATTRIBUTE = "dev.ferry.metricsPath";

    /** The container-wide settings (the same object {@link #settings()} gives). */
    private final FerrySettings settings;
    private final ClassLoader applicationClassLoader;
    private volatile EndpointPathMatcher<DeployedEndpoint> endpoints = new EndpointPathMatcher<>();
    /** The first deployment error; once set, nothing is served and nothing more is deployed. */
    private volatile DeploymentException deploymentFailure;
    /** False once the application is deployed: ServerContainer.addEndpoint then throws IllegalStateException. */
    private volatile boolean deploymentOpen = true;
    private final List<DeployedEndpoint> deployed = new CopyOnWriteArrayList<>();
    /** The annotated classes deployed through {@link #addEndpoint(Class)}; guarded by {@code this}. */
    private final Set<Class<?>> annotatedClasses = new java.util.HashSet<>();
    private final ServerHandshake handshake = new ServerHandshake(new HandshakeSupport());
    private final ServerSessions sessions;
    /** Selector threads for connections taken over from the servlet container; started on first use. */
    private final IoLoops ioLoops;
    /** The endpoints' counters in JMX (unless dev.ferry.jmx is false) and for other monitoring systems. */
    private final ContainerMetrics metrics;
    private final Topics topics;
    private volatile ProgrammaticUpgrade programmaticUpgrade;
    private final Object clientLock = new Object();
    private FerryClientContainer client;


    /** A container named {@code /} in JMX. */
    public FerryServerContainer(FerrySettings settings, ClassLoader applicationClassLoader) {
        this(settings, applicationClassLoader, "/");
    }

    /**
     * @param applicationName how JMX names the application, its context path ({@code /} for the
     *                        root); containers of the same name are told apart by a number
     */
    public FerryServerContainer(FerrySettings settings, ClassLoader applicationClassLoader, String applicationName) {
        this(settings, BroadcastSettings.defaults(), applicationClassLoader, applicationName);
    }

    /** @param broadcast how {@link #topics()} broadcasts */
    public FerryServerContainer(FerrySettings settings, BroadcastSettings broadcast, ClassLoader applicationClassLoader,
            String applicationName) {
        super(settings);
        this.settings = settings;
        this.metrics = new ContainerMetrics(settings.jmx(), applicationName);
        this.applicationClassLoader = applicationClassLoader;
        this.ioLoops = new IoLoops("ferry-io", settings.effectiveIoThreads());
        this.sessions = new ServerSessions(this, applicationClassLoader, new MessageBufferPool(settings.messageBufferPool()));
        this.topics = new Topics(broadcast, metrics, metrics.applicationName(), applicationClassLoader);
    }

    /** The application's broadcast topics (see {@link Topics}). */
    @Override
    public Topics topics() {
        return topics;
    }

    /**
     * Deploys what the servlet container scanned ({@code @ServerEndpoint} classes,
     * {@code ServerApplicationConfig} and {@code Endpoint} subclasses), applying every
     * {@code ServerApplicationConfig} found as the specification says.
     */
    public void deployScanned(Set<Class<?>> scanned) throws DeploymentException {
        ScannedClasses.Selection selection = ScannedClasses.select(scanned);
        for (ServerEndpointConfig config : selection.configs()) {
            addEndpoint(config);
        }
        for (Class<?> endpointClass : selection.annotated()) {
            addEndpoint(endpointClass);
        }
    }

    /**
     * Ends the deployment phase: from now on {@code addEndpoint} throws IllegalStateException, as
     * the ServerContainer javadoc requires once the application has been deployed. The servlet
     * bridge calls it when the application begins to accept connections (its first request), the
     * reading of the javadoc that Tomcat follows too: frameworks such as Spring register endpoints
     * after the servlet context has started but before the server opens its port. Idempotent and
     * cheap, since the bridge calls it for every request.
     */
    public void endDeployment() {
        if (deploymentOpen) {
            deploymentOpen = false;
        }
    }

    /** Whether any endpoint is deployed (the upgrade filter exits fast when none is). */
    public boolean hasEndpoints() {
        return !deployed.isEmpty();
    }

    /** Matches the request against the deployed endpoints and validates the handshake. */
    public UpgradeDecision decide(UpgradeRequest request) {
        EndpointPathMatcher.Match<DeployedEndpoint> match = endpoints.match(request.path());
        if (match == null || !HandshakeValidator.isWebSocketUpgrade(request)) {
            return new UpgradeDecision.PassThrough();
        }
        if (sessions.isShutDown()) {
            return ServerHandshake.reject(503, "The server is shutting down");
        }
        return handshake.decide(request, match.value(), match.pathParameters());
    }

    /** Validates the handshake for a given endpoint (for {@code upgradeHttpToWebSocket}); its sessions are not counted. */
    public UpgradeDecision decide(UpgradeRequest request, ServerEndpointConfig config, Map<String, String> pathParameters)
            throws DeploymentException {
        return decide(request, config, pathParameters, null);
    }

    /**
     * Validates the handshake for a given endpoint (for {@code upgradeHttpToWebSocket}), counting
     * its session in the group {@code metricsPath} (see {@link #METRICS_PATH_ATTRIBUTE}), which is
     * published like a deployed endpoint on first use; {@code null} counts nowhere.
     */
    public UpgradeDecision decide(UpgradeRequest request, ServerEndpointConfig config, Map<String, String> pathParameters,
            String metricsPath) throws DeploymentException {
        return handshake.decide(request,
                EndpointDeployer.fromConfig(config, metricsPath == null ? null : metrics.group(metricsPath)),
                pathParameters);
    }

    /** How JMX and metrics name this application: its context path, {@code /} for the root. */
    public String applicationName() {
        return metrics.applicationName();
    }

    /**
     * Tells {@code listener} of the counters of every endpoint deployed so far and from now on,
     * and of every group of programmatic upgrades (see {@link #METRICS_PATH_ATTRIBUTE}), and
     * of their end when the application stops. For monitoring systems other than JMX.
     */
    public void addMetricsListener(EndpointMetricsListener listener) {
        metrics.addListener(listener);
    }

    /** Whether the bridge should hand upgraded connections over whole where it can ({@link #adoptConnection}). */
    public boolean directIo() {
        return settings.directIo();
    }

    /**
     * A transport on an upgraded plain-TCP connection that the servlet container hands over whole
     * (see {@link FerrySettings#directIo}): one of this container's I/O threads reads and writes
     * its socket from now on.
     *
     * @param bytesReadAhead what the container read past the upgrade request (delivered first)
     * @param threads        runs the session's callbacks: the container's threads ...
     * @param context        ... bound to the web application as the container binds its own
     * @param closer         closes the connection through the servlet container, so it can account for it
     * @throws IllegalStateException once the container has been shut down
     */
    public Transport adoptConnection(SocketChannel channel, ByteBuffer bytesReadAhead, Executor threads,
            CallbackContext context, NioTransport.ChannelCloser closer) throws IOException {
        SelectorLoop loop;
        try {
            loop = ioLoops.next();
        } catch (IllegalStateException stopped) {
            // The application stopped while this connection's 101 was on its way: tell the peer
            // as every open session was told (1001), rather than let it see the socket just close.
            channel.write(FrameWriter.encode(true, 0, Opcode.CLOSE,
                    CloseFrames.encodePayload(CloseCodes.GOING_AWAY, "The server is shutting down"), false, 0));
            throw stopped;
        }
        return NioTransport.adopt(loop, threads, context, channel, bytesReadAhead, closer, settings.inlineDelivery());
    }

    /** Installs the bridge's implementation of {@link #upgradeHttpToWebSocket}. */
    public void setProgrammaticUpgrade(ProgrammaticUpgrade upgrade) {
        this.programmaticUpgrade = upgrade;
    }

    /**
     * Closes every open session with 1001 (going away), gives the peers a moment to answer, and
     * stops the container's timer. Later handshakes get 503. Idempotent: the servlet bridge calls
     * it when the application stops, and on Jetty also from the server's graceful stop, which
     * comes before Jetty closes the connections.
     */
    public void shutdown() {
        // Connections that never got to close: the I/O threads close them as they end.
        if (!sessions.shutdown(deployed, () -> ioLoops.stop(ServerSessions.SHUTDOWN_GRACE_MILLIS))) {
            return;
        }
        topics.close(); // after the sessions: what their onClose published still went out
        metrics.close();
        synchronized (clientLock) {
            if (client != null) {
                client.close();
            }
        }
    }

    /**
     * Deploys an annotated class. The same class added again is ignored, as Tomcat does: a class
     * may reach the container more than once (scanned by the servlet container and registered by a
     * framework, or by two of Spring's {@code ServerEndpointExporter}s), and its one path then
     * serves it once. A different class at a path already deployed is still a deployment error.
     */
    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        deploy(() -> EndpointDeployer.fromAnnotatedClass(endpointClass), endpointClass);
    }

    @Override
    public void addEndpoint(ServerEndpointConfig serverConfig) throws DeploymentException {
        deploy(() -> EndpointDeployer.fromConfig(serverConfig), null);
    }

    private interface Deployment {
        DeployedEndpoint create() throws DeploymentException;
    }

    /**
     * Specification 5.2.1: a deployment error halts the deployment of the application; endpoints
     * deployed before it are removed from service and no more are deployed, even valid ones. That
     * holds even when the application catches the exception of {@code addEndpoint} itself.
     */
    private synchronized void deploy(Deployment deployment, Class<?> annotatedClass) throws DeploymentException {
        if (!deploymentOpen) {
            throw new IllegalStateException("The application is already deployed and serving requests: add"
                    + " endpoints while it starts (from a ServletContainerInitializer, a ServletContextListener, or"
                    + " before the server accepts connections)");
        }
        DeploymentException earlier = deploymentFailure;
        if (earlier != null) {
            throw new DeploymentException("No endpoint can be added: an earlier deployment error halted the"
                    + " deployment of this application (" + earlier.getMessage() + ")", earlier);
        }
        if (annotatedClass != null && annotatedClasses.contains(annotatedClass)) {
            LOG.log(Level.DEBUG, () -> annotatedClass.getName() + " is already deployed; added again, ignored");
            return;
        }
        try {
            DeployedEndpoint endpoint = deployment.create();
            endpoints.add(endpoint.config().getPath(), endpoint);
            deployed.add(endpoint);
            if (annotatedClass != null) {
                annotatedClasses.add(annotatedClass);
            }
            metrics.deployed(endpoint.metrics());
        } catch (DeploymentException e) {
            deploymentFailure = e;
            endpoints = new EndpointPathMatcher<>();
            deployed.clear();
            annotatedClasses.clear();
            // Out of service, so out of JMX and other views too (and nothing more will be shown).
            metrics.close();
            throw e;
        }
    }

    @Override
    public void upgradeHttpToWebSocket(Object httpServletRequest, Object httpServletResponse, ServerEndpointConfig sec,
            Map<String, String> pathParameters) throws IOException, DeploymentException {
        ProgrammaticUpgrade upgrade = programmaticUpgrade;
        if (upgrade == null) {
            throw new IllegalStateException("This container runs without a servlet bridge; nothing can be upgraded");
        }
        upgrade.upgrade(httpServletRequest, httpServletResponse, sec, pathParameters);
    }

    /** The handshake's view of this container. */
    private final class HandshakeSupport implements ServerHandshake.Container {

        @Override
        public List<Extension> installedExtensions() {
            return settings.deflate() ? List.of(new FerryExtension(DeflateParameters.NAME)) : List.of();
        }

        @Override
        public boolean allowsOrigin(String origin) {
            return settings.allowsOrigin(origin);
        }

        @Override
        public boolean deflateEnabled(ServerEndpointConfig config) {
            return flag(PerSessionConfig.currentUserProperties(config), "deflate", settings.deflate());
        }

        @Override
        public boolean deflateContextTakeover(ServerEndpointConfig config) {
            return flag(PerSessionConfig.currentUserProperties(config), "deflateContextTakeover",
                    settings.deflateContextTakeover());
        }

        @Override
        public UpgradeDecision.PendingSession pending(UpgradeRequest request, DeployedEndpoint endpoint,
                ServerEndpointConfig config, Endpoint instance, Map<String, String> pathParameters,
                String subprotocol, ServerExtensionNegotiation.Result extensions) {
            HandshakeInfo info = new HandshakeInfo(request.requestUriText(), request.queryString(), request.parameters(),
                    pathParameters, request.userPrincipal(), subprotocol, extensions.agreed(), request.isSecure());
            return sessions.pending(info, endpoint, config, instance,
                    limitsFor(PerSessionConfig.currentUserProperties(config)), extensions);
        }
    }

    private static boolean flag(Map<String, Object> properties, String name, boolean fallback) {
        Object value = properties.get(FerrySettings.PREFIX + name);
        return value == null ? fallback : Boolean.parseBoolean(value.toString().trim());
    }


    @Override
    public Set<Extension> getInstalledExtensions() {
        return Set.copyOf(new HandshakeSupport().installedExtensions());
    }

    // Connecting out from a server (e.g. to relay) uses a client container of this application,
    // created on first use and closed with this one.

    private FerryClientContainer client() {
        synchronized (clientLock) {
            if (client == null) {
                client = new FerryClientContainer();
            }
            return client;
        }
    }

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        return client().connectToServer(annotatedEndpointInstance, path);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        return client().connectToServer(annotatedEndpointClass, path);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return client().connectToServer(endpointInstance, cec, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return client().connectToServer(endpointClass, cec, path);
    }
}
