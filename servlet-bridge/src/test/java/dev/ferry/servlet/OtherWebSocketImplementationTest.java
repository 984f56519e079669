package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.FerrySettings;
import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Ferry's initializer does when the application's ServerContainer attribute is already set. */
class OtherWebSocketImplementationTest {

    @Test
    void nothingPublishedOrFerrysOwnContainerIsFine() {
        FerryServerContainer ferry = new FerryServerContainer(FerrySettings.from(name -> null),
                getClass().getClassLoader());
        try {
            assertDoesNotThrow(() -> OtherWebSocketImplementation.switchOff(contextWith(null), "web application /a"));
            assertDoesNotThrow(() -> OtherWebSocketImplementation.switchOff(contextWith(ferry), "web application /a"));
        } finally {
            ferry.shutdown();
        }
    }

    @Test
    void anotherImplementationFailsTheDeploymentNamingItAndTheFix() {
        ServletException e = assertThrows(ServletException.class, () ->
                OtherWebSocketImplementation.switchOff(contextWith(new SomeoneElsesContainer()), "web application /a"));
        assertTrue(e.getMessage().contains(SomeoneElsesContainer.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("web application /a"), e.getMessage());
        assertTrue(e.getMessage().contains("disable Jetty's WebSocket modules"), e.getMessage());
    }

    /** A ServletContext (of no container Ferry knows) whose ServerContainer attribute is {@code published}. */
    private static ServletContext contextWith(Object published) {
        Map<String, Object> attributes = published == null ? Map.of()
                : Map.of(ServerContainer.class.getName(), published);
        return (ServletContext) Proxy.newProxyInstance(OtherWebSocketImplementationTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "toString" -> "a test context";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class SomeoneElsesContainer {
    }
}
