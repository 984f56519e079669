package dev.ferry.server;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;

/**
 * Carries out {@code ServerContainer.upgradeHttpToWebSocket}: its arguments are servlet objects,
 * which only the servlet bridge may touch, so the bridge installs this hook on the container.
 */
public interface ProgrammaticUpgrade {
    void upgrade(Object httpServletRequest, Object httpServletResponse, ServerEndpointConfig config,
            Map<String, String> pathParameters) throws IOException, DeploymentException;
}
