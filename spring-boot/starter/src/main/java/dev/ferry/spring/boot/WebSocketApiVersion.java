package dev.ferry.spring.boot;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * Ferry implements Jakarta WebSocket 2.2 and uses its API (e.g. {@code new SendResult(session)}),
 * but Spring Boot 3.5's dependency management downgrades the API jars to 2.1.1. The application
 * would start and then fail on the first asynchronous send with a {@code NoSuchMethodError}; this
 * check fails the start instead, saying which property fixes it.
 */
final class WebSocketApiVersion {

    private WebSocketApiVersion() {
    }

    static void check() {
        check(SendResult.class);
    }

    /** @param sendResult the API's {@code SendResult} class, whose 2.2 constructor tells the version */
    static void check(Class<?> sendResult) {
        try {
            sendResult.getConstructor(Session.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Ferry WebSocket needs the Jakarta WebSocket API 2.2, but an older one is on"
                    + " the class path (Spring Boot 3.5 manages 2.1.1). With spring-boot-starter-parent set the property"
                    + " <jakarta-websocket.version>2.2.0</jakarta-websocket.version>; otherwise manage"
                    + " jakarta.websocket:jakarta.websocket-api and jakarta.websocket-client-api at 2.2.0. See "
                    + CompetingImplementations.DOCS + ".");
        }
    }
}
