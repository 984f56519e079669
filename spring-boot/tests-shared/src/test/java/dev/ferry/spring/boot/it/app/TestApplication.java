package dev.ferry.spring.boot.it.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;

/**
 * An application as its authors would write it for any Jakarta WebSocket container: STOMP over
 * Spring's message broker, plain {@code WebSocketHandler}s, and an {@code @ServerEndpoint} class
 * exported by Spring. Nothing in it names Ferry: the starter on the class path is the only change.
 */
@SpringBootApplication
public class TestApplication {

    @Bean
    public ServerEndpointExporter serverEndpointExporter() {
        ServerEndpointExporter exporter = new ServerEndpointExporter();
        exporter.setAnnotatedEndpointClasses(RoomEndpoint.class);
        return exporter;
    }

    /**
     * A second exporter of the same class, as when a library and the application both declare
     * one: Tomcat's implementation ignores the repeated class, and so must Ferry.
     */
    @Bean
    public ServerEndpointExporter libraryServerEndpointExporter() {
        ServerEndpointExporter exporter = new ServerEndpointExporter();
        exporter.setAnnotatedEndpointClasses(RoomEndpoint.class);
        return exporter;
    }
}
