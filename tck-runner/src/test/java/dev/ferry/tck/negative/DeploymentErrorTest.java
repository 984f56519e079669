package dev.ferry.tck.negative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A deployment error the application itself catches (section 5.2.1: "a deployment error raised
 * during the deployment process must halt the deployment of the application, any well formed
 * endpoints deployed prior to the error being raised must be removed from service and no more
 * websocket endpoints from that application may be deployed by the container, even if they are
 * valid"). The web application starts, but serves no WebSocket endpoint.
 */
class DeploymentErrorTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("caught-error", DeploymentErrorApp.class, ValidEcho.class, InvalidEndpoints.class);
    }

    private String seen() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http("seen")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void theBrokenEndpointWasRefusedAndNothingMoreDeployed() throws Exception {
        assertEquals("broken=DeploymentException later=DeploymentException", seen());
    }

    @Test
    void scannedEndpointDeployedBeforeTheErrorIsOutOfService() {
        assertThrows(Exception.class, () -> connect("echo"));
    }

    @Test
    void endpointAddedAfterTheErrorIsNotServed() {
        assertThrows(Exception.class, () -> connect("later"));
    }
}
