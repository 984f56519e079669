package dev.ferry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CompetingImplementationsTest {

    /** A class path on which exactly the given classes are present. */
    private static Predicate<String> seeing(Set<String> names) {
        return names::contains;
    }

    @Test
    void theClassPathOfTheseTestsHasNoneOfThem() {
        // Spring Boot's test starter brings no container: the real check passes here.
        CompetingImplementations.check(getClass().getClassLoader());
    }

    @Test
    void nothingFoundWithoutTheContainersWebSocketJars() {
        assertEquals(List.of(), CompetingImplementations.found(seeing(Set.of())));
        CompetingImplementations.check(seeing(Set.of()));
    }

    @Test
    void tomcatsWebSocketJarIsNamedForExclusion() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CompetingImplementations.check(
                seeing(Set.of("org.apache.tomcat.websocket.server.WsSci"))));
        assertTrue(e.getMessage().contains("org.apache.tomcat.embed:tomcat-embed-websocket"), e.getMessage());
        assertTrue(e.getMessage().contains("ferry.websocket.enabled=false"), e.getMessage());
    }

    @Test
    void jettysJarsAreNamedPerEnvironment() {
        List<String> found = CompetingImplementations.found(seeing(Set.of(
                "org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer",
                "org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer")));
        assertEquals(List.of(
                "org.eclipse.jetty.ee10.websocket:jetty-ee10-websocket-jetty-server (from spring-boot-starter-jetty)",
                "org.eclipse.jetty.ee11.websocket:jetty-ee11-websocket-jakarta-server (from spring-boot-starter-jetty)"),
                found);
    }
}
