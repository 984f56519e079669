package dev.ferry.server;

import dev.ferry.instance.EndpointInstance;
import dev.ferry.instance.EndpointInstanceFactory;
import dev.ferry.instance.PendingReleases;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.Set;

/**
 * Ferry's container default configurator, found by the Jakarta API through
 * {@link java.util.ServiceLoader} ({@code META-INF/services}); it carries the default behaviour the
 * Jakarta WebSocket 2.2 specification gives each {@link ServerEndpointConfig.Configurator} method.
 *
 * <p>The API's base class implements every method by delegating to the container default, that
 * is, to this class; so every method here must do the work itself, as calling {@code super}
 * would delegate back to a fresh instance of this class without end.
 */
public class FerryDefaultConfigurator extends ServerEndpointConfig.Configurator {

    private final EndpointInstanceFactory instances;
    private final PendingReleases pendingReleases = new PendingReleases();

    /** Instances from CDI when a CDI container is running, else by reflection. */
    public FerryDefaultConfigurator() {
        this(EndpointInstanceFactory.standard());
    }

    FerryDefaultConfigurator(EndpointInstanceFactory instances) {
        this.instances = instances;
    }

    /** This is the container default, so there is nothing to look up. */
    @Override
    public ServerEndpointConfig.Configurator getContainerDefaultConfigurator() {
        return this;
    }

    /** The first subprotocol in the client's list that the server supports, or "" if none. */
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        if (supported == null || requested == null) {
            return "";
        }
        for (String candidate : requested) {
            if (candidate != null && supported.contains(candidate)) {
                return candidate;
            }
        }
        return "";
    }

    /**
     * The requested extensions whose name is installed, in the client's order, each name at most
     * once (the first offer of a name is the client's preferred variant of it).
     */
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        List<Extension> negotiated = new ArrayList<>();
        if (installed == null || requested == null) {
            return negotiated;
        }
        Set<String> installedNames = new HashSet<>();
        for (Extension extension : installed) {
            installedNames.add(extension.getName());
        }
        Set<String> chosenNames = new HashSet<>();
        for (Extension offer : requested) {
            if (installedNames.contains(offer.getName()) && chosenNames.add(offer.getName())) {
                negotiated.add(offer);
            }
        }
        return negotiated;
    }

    /** Accepts every origin: the specification leaves origin policy to the application's configurator. */
    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }

    /** Changes nothing. */
    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        // The default handshake needs no change; applications override this.
    }

    /**
     * A new instance for one connection: from CDI when a CDI container is running (injected, its
     * {@code @PostConstruct} called), else made by the public no-argument constructor of
     * {@code endpointClass}. A CDI instance is remembered until its session takes over its release
     * ({@link #takeRelease}), so that its {@code @PreDestroy} runs when the session ends.
     */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        Objects.requireNonNull(endpointClass, "endpointClass");
        return pendingReleases.handOut(instances.create(endpointClass));
    }

    /**
     * The release owed for {@code instance} when it came from the container default configurator
     * of {@code configurator} (directly, or through an application's configurator that does not
     * override {@code getEndpointInstance} or calls {@code super}); {@code null} when nothing is
     * owed, e.g. for an instance the application made itself.
     */
    static EndpointInstance<?> takeRelease(ServerEndpointConfig.Configurator configurator, Object instance) {
        ServerEndpointConfig.Configurator containerDefault;
        try {
            containerDefault = configurator.getContainerDefaultConfigurator();
        } catch (RuntimeException | ServiceConfigurationError e) {
            return null;
        }
        return containerDefault instanceof FerryDefaultConfigurator ferry ? ferry.pendingReleases.take(instance) : null;
    }

    /** Releases not yet taken over by a session; for tests. */
    int pendingReleaseCount() {
        return pendingReleases.size();
    }
}
