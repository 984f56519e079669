package dev.ferry.server;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The server container of one web application. CONTRACT SKELETON: bodies are being written.
 */
public final class FerryServerContainer implements ServerContainer {

    public FerryServerContainer(FerrySettings settings, ClassLoader applicationClassLoader) {
    }

    /**
     * Deploys what the servlet container scanned ({@code @ServerEndpoint} classes,
     * {@code ServerApplicationConfig} and {@code Endpoint} subclasses), applying every
     * {@code ServerApplicationConfig} found as the specification says.
     */
    public void deployScanned(Set<Class<?>> scanned) throws DeploymentException {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Whether any endpoint is deployed (the upgrade filter exits fast when none is). */
    public boolean hasEndpoints() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Matches the request against the deployed endpoints and validates the handshake. */
    public UpgradeDecision decide(UpgradeRequest request) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Validates the handshake for a given endpoint (for {@code upgradeHttpToWebSocket}). */
    public UpgradeDecision decide(UpgradeRequest request, ServerEndpointConfig config, Map<String, String> pathParameters) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Installs the bridge's implementation of {@link #upgradeHttpToWebSocket}. */
    public void setProgrammaticUpgrade(ProgrammaticUpgrade upgrade) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Closes every open session with 1001 (going away) and stops the container's timers. */
    public void shutdown() {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void addEndpoint(ServerEndpointConfig serverConfig) throws DeploymentException {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void upgradeHttpToWebSocket(Object httpServletRequest, Object httpServletResponse, ServerEndpointConfig sec,
            Map<String, String> pathParameters) throws IOException, DeploymentException {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void setAsyncSendTimeout(long timeoutmillis) {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        throw new UnsupportedOperationException("skeleton");
    }
}
