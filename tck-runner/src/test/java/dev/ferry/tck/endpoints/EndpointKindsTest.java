package dev.ferry.tck.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Chapters 2 and 6: server endpoints of each kind are deployed and answer. */
class EndpointKindsTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("kinds", EndpointKindsApp.class);
    }

    @Test
    void annotatedServerEndpointAnswers() throws Exception {
        assertEquals("annotated:a", connect("annotated").ask("a"));
    }

    @Test
    void programmaticEndpointFromServerApplicationConfigAnswers() throws Exception {
        assertEquals("programmatic:b", connect("programmatic").ask("b"));
    }

    @Test
    void endpointAddedByListenerAnswers() throws Exception {
        assertEquals("listener:c", connect("from-listener").ask("c"));
    }

    @Test
    void messageSentInOnOpenArrivesFirst() throws Exception {
        RecordingClient greeted = connect("greeter");
        assertEquals("hello false", greeted.nextText());
    }

    @Test
    void addEndpointAfterDeploymentThrowsIllegalStateException() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http("add-late")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("IllegalStateException", response.body());
        assertThrows(Exception.class, () -> connect("too-late"));
    }
}
