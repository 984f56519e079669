package dev.ferry.servlet;

import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.server.FerryServerContainer;
import dev.ferry.server.ProgrammaticUpgrade;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;

/** {@code ServerContainer.upgradeHttpToWebSocket}: upgrades a request the application chose itself. */
final class ServletProgrammaticUpgrade implements ProgrammaticUpgrade {

    private final FerryServerContainer container;
    private final ContainerRoutes routes;

    ServletProgrammaticUpgrade(FerryServerContainer container, ContainerRoutes routes) {
        this.container = container;
        this.routes = routes;
    }

    @Override
    public void upgrade(Object httpServletRequest, Object httpServletResponse, ServerEndpointConfig config,
            Map<String, String> pathParameters) throws IOException, DeploymentException {
        if (!(httpServletRequest instanceof HttpServletRequest request)
                || !(httpServletResponse instanceof HttpServletResponse response)) {
            throw new IllegalArgumentException("upgradeHttpToWebSocket needs an HttpServletRequest and an "
                    + "HttpServletResponse, not " + typeOf(httpServletRequest) + " and " + typeOf(httpServletResponse));
        }
        Object metricsPath = request.getAttribute(FerryServerContainer.METRICS_PATH_ATTRIBUTE);
        UpgradeDecision decision = container.decide(new ServletUpgradeRequest(request), config,
                pathParameters == null ? Map.of() : pathParameters,
                metricsPath instanceof String path && !path.isEmpty() ? path : null);
        if (!UpgradeResponder.respond(decision, request, response, routes)) {
            // The application asked for an upgrade, but the request is no WebSocket handshake.
            UpgradeResponder.reject(new UpgradeDecision.Reject(HttpServletResponse.SC_BAD_REQUEST, Map.of(),
                    "This resource accepts WebSocket handshakes only."), response);
        }
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
