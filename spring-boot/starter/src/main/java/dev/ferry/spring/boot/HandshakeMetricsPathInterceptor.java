package dev.ferry.spring.boot;

import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
import org.springframework.web.socket.sockjs.support.SockJsHttpRequestHandler;

/**
 * Names the group in which Ferry counts the sessions of a Spring WebSocket handshake: the
 * pattern the handler is mapped at ({@code /stomp}, or {@code /stomp/**} with SockJS), never the
 * request's URL, which for SockJS differs per session. Spring's upgrade strategy hands Ferry an
 * endpoint configuration whose path is that URL, so without this the sessions of STOMP and
 * {@code WebSocketHandler} endpoints would be counted nowhere.
 */
final class HandshakeMetricsPathInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof WebSocketHttpRequestHandler || handler instanceof SockJsHttpRequestHandler) {
            // Set by the handler mapping before any interceptor runs.
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (pattern instanceof String path) {
                request.setAttribute(FerryServerContainer.METRICS_PATH_ATTRIBUTE, path);
            }
        }
        return true;
    }
}
