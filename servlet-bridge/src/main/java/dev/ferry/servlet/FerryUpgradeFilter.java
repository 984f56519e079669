package dev.ferry.servlet;

import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sees every request of the application and upgrades those that are WebSocket handshakes for a
 * deployed endpoint. It asks the container on every request, so endpoints added after startup
 * (by other initializers or listeners) are served too.
 */
final class FerryUpgradeFilter implements Filter {

    private final FerryServerContainer container;
    private final ContainerRoutes routes;

    FerryUpgradeFilter(FerryServerContainer container, ContainerRoutes routes) {
        this.container = container;
        this.routes = routes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The application serves requests: its deployment phase, in which it may add endpoints, is over.
        container.endDeployment();
        if (!(request instanceof HttpServletRequest httpRequest)
                || !(response instanceof HttpServletResponse httpResponse)
                || !container.hasEndpoints()) {
            chain.doFilter(request, response);
            return;
        }
        ServletUpgradeRequest upgradeRequest = new ServletUpgradeRequest(httpRequest);
        if (!UpgradeResponder.respond(container.decide(upgradeRequest), httpRequest, httpResponse, routes)) {
            chain.doFilter(request, response);
        }
    }
}
