package dev.ferry.client;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

/**
 * Makes {@code ContainerProvider.getWebSocketContainer()} return Ferry's client (registered in
 * {@code META-INF/services/jakarta.websocket.ContainerProvider}). Every call gets a new,
 * independent container; the caller should {@link FerryClientContainer#close()} it when done.
 */
public final class FerryContainerProvider extends ContainerProvider {

    public FerryContainerProvider() {
    }

    @Override
    protected WebSocketContainer getContainer() {
        return new FerryClientContainer();
    }
}
