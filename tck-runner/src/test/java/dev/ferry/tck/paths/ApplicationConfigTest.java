package dev.ferry.tck.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.tck.support.WebSocketTestBase;
import dev.ferry.tck.support.Wars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Section 6.2: ServerApplicationConfig filters annotated endpoints and supplies programmatic ones. */
class ApplicationConfigTest extends WebSocketTestBase {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.of("appconfig", ApplicationConfigApp.class);
    }

    @Test
    void annotatedEndpointReturnedByAConfigIsDeployed() throws Exception {
        assertEquals("kept", connect("kept").nextText());
    }

    @Test
    void annotatedEndpointNoConfigReturnsIsNotDeployed() {
        assertThrows(Exception.class, () -> connect("dropped"));
    }

    @Test
    void programmaticConfigsAreDeployedWithTheirOwnUserProperties() throws Exception {
        assertEquals("programmatic one", connect("one").nextText());
        assertEquals("programmatic two", connect("two").nextText());
    }
}
