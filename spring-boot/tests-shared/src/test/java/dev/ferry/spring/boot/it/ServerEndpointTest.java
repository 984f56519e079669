package dev.ferry.spring.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ferry.server.FerryServerContainer;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;

/** {@code @ServerEndpoint} classes exported by Spring into Ferry's server container. */
@FerryBootTest
class ServerEndpointTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ServletContext servletContext;

    @Autowired
    ApplicationContext application;

    @Test
    void theServletContextsServerContainerIsFerrys() {
        assertInstanceOf(FerryServerContainer.class, servletContext.getAttribute(ServerContainer.class.getName()));
    }

    @Test
    void anExportedEndpointServesWithItsPathParameter() throws Exception {
        Peers.JdkConnection connection = Peers.jdk(port, "/rooms/lobby");
        try {
            connection.socket().sendText("hi", true).orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals("lobby: hi", connection.nextText());
        } finally {
            connection.close();
        }
    }

    @Test
    void theSameClassExportedTwiceStartedAndServesOnce() throws Exception {
        // Both exporters registered RoomEndpoint; the application started, so the second was no error.
        assertEquals(2, application.getBeansOfType(ServerEndpointExporter.class).size());
        Peers.JdkConnection connection = Peers.jdk(port, "/rooms/kitchen");
        try {
            connection.socket().sendText("once", true).orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals("kitchen: once", connection.nextText());
        } finally {
            connection.close();
        }
    }
}
