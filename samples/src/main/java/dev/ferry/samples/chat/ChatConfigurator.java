package dev.ferry.samples.chat;

import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Gives every {@link ChatEndpoint} instance the rooms of its deployment. The container creates
 * one configurator per deployed endpoint, so two applications (or two embedded servers in one
 * JVM, as in the tests) never share rooms, which a static field would make them do.
 */
public final class ChatConfigurator extends ServerEndpointConfig.Configurator {

    private final ChatRooms rooms = new ChatRooms(System::currentTimeMillis);

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != ChatEndpoint.class) {
            throw new InstantiationException("ChatConfigurator serves only ChatEndpoint, not " + endpointClass.getName());
        }
        return endpointClass.cast(new ChatEndpoint(rooms));
    }
}
