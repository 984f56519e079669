package dev.ferry.tck.negative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.tck.negative.InvalidEndpoints.EquivalentTemplate;
import dev.ferry.tck.negative.InvalidEndpoints.NonPublicOnMessage;
import dev.ferry.tck.negative.InvalidEndpoints.OnCloseWithExtraParameter;
import dev.ferry.tck.negative.InvalidEndpoints.OnErrorWithoutThrowable;
import dev.ferry.tck.negative.InvalidEndpoints.PartialInputStream;
import dev.ferry.tck.negative.InvalidEndpoints.PartialPong;
import dev.ferry.tck.negative.InvalidEndpoints.PathParamOfUnsupportedType;
import dev.ferry.tck.negative.InvalidEndpoints.RelativePath;
import dev.ferry.tck.negative.InvalidEndpoints.RepeatedTemplateVariable;
import dev.ferry.tck.negative.InvalidEndpoints.SamePathOne;
import dev.ferry.tck.negative.InvalidEndpoints.SamePathTwo;
import dev.ferry.tck.negative.InvalidEndpoints.TemplateOne;
import dev.ferry.tck.negative.InvalidEndpoints.TwoOnOpen;
import dev.ferry.tck.negative.InvalidEndpoints.TwoTextMessageMethods;
import dev.ferry.tck.negative.InvalidEndpoints.UnclosedTemplateVariable;
import dev.ferry.tck.negative.InvalidEndpoints.UndecodableMessageType;
import dev.ferry.tck.support.RecordingClient;
import dev.ferry.tck.support.WebSocketUris;
import dev.ferry.tck.support.Wars;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.WebSocketContainer;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each rule whose breach must fail deployment. Every broken WAR is deployed on demand and must
 * fail with Ferry's {@link DeploymentException} somewhere in the cause chain (Arquillian checks that
 * through {@code @ShouldThrowException}, and fails {@code deploy} if nothing was thrown); then the
 * valid endpoint beside the broken one must not answer either. A small valid WAR ("probe") tells
 * the tests where the server listens.
 */
@ExtendWith(ArquillianExtension.class)
class NegativeDeploymentTest {

    private static WebSocketContainer client;

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("probe")
    URL probe;

    @BeforeAll
    static void createClient() {
        client = ContainerProvider.getWebSocketContainer();
    }

    @AfterAll
    static void closeClient() throws Exception {
        ((AutoCloseable) client).close();
    }

    @Deployment(name = "probe", testable = false)
    static WebArchive probe() {
        return Wars.of("probe", ValidEcho.class);
    }

    private static WebArchive broken(String name, Class<?>... invalid) {
        return Wars.of(name, invalid).addClass(ValidEcho.class);
    }

    @Deployment(name = "two-text", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive twoTextWar() {
        return broken("two-text", TwoTextMessageMethods.class);
    }

    @Deployment(name = "path-param-type", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive pathParamTypeWar() {
        return broken("path-param-type", PathParamOfUnsupportedType.class);
    }

    @Deployment(name = "on-error-without-throwable", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive onErrorWithoutThrowableWar() {
        return broken("on-error-without-throwable", OnErrorWithoutThrowable.class);
    }

    @Deployment(name = "unclosed-variable", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive unclosedVariableWar() {
        return broken("unclosed-variable", UnclosedTemplateVariable.class);
    }

    @Deployment(name = "repeated-variable", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive repeatedVariableWar() {
        return broken("repeated-variable", RepeatedTemplateVariable.class);
    }

    @Deployment(name = "relative-path", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive relativePathWar() {
        return broken("relative-path", RelativePath.class);
    }

    @Deployment(name = "same-path", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive samePathWar() {
        return broken("same-path", SamePathOne.class, SamePathTwo.class);
    }

    @Deployment(name = "equivalent-templates", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive equivalentTemplatesWar() {
        return broken("equivalent-templates", TemplateOne.class, EquivalentTemplate.class);
    }

    @Deployment(name = "non-public", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive nonPublicWar() {
        return broken("non-public", NonPublicOnMessage.class);
    }

    @Deployment(name = "two-on-open", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive twoOnOpenWar() {
        return broken("two-on-open", TwoOnOpen.class);
    }

    @Deployment(name = "undecodable", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive undecodableWar() {
        return broken("undecodable", UndecodableMessageType.class);
    }

    @Deployment(name = "partial-pong", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive partialPongWar() {
        return broken("partial-pong", PartialPong.class);
    }

    @Deployment(name = "partial-stream", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive partialStreamWar() {
        return broken("partial-stream", PartialInputStream.class);
    }

    @Deployment(name = "on-close-extra", managed = false, testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive onCloseExtraWar() {
        return broken("on-close-extra", OnCloseWithExtraParameter.class);
    }

    /** Deploys the broken WAR (Arquillian verifies the failure) and checks that nothing of it answers. */
    private void assertDeploymentFails(String name) throws Exception {
        deployer.deploy(name);
        URL failedApp = new URL(probe, "/" + name + "/");
        assertThrows(Exception.class, () -> client.connectToServer(new RecordingClient(),
                ClientEndpointConfig.Builder.create().build(), WebSocketUris.of(failedApp, "echo")),
                "the valid endpoint of the failed application answered");
    }

    @Test
    void probeAnswers() throws Exception {
        RecordingClient c = new RecordingClient();
        client.connectToServer(c, ClientEndpointConfig.Builder.create().build(), WebSocketUris.of(probe, "echo"));
        assertEquals("still here", c.ask("still here"));
    }

    @Test
    void twoTextMessageMethods() throws Exception {
        assertDeploymentFails("two-text");
    }

    @Test
    void pathParamOfUnsupportedType() throws Exception {
        assertDeploymentFails("path-param-type");
    }

    @Test
    void onErrorWithoutThrowable() throws Exception {
        assertDeploymentFails("on-error-without-throwable");
    }

    @Test
    void unclosedTemplateVariable() throws Exception {
        assertDeploymentFails("unclosed-variable");
    }

    @Test
    void repeatedTemplateVariable() throws Exception {
        assertDeploymentFails("repeated-variable");
    }

    @Test
    void relativePath() throws Exception {
        assertDeploymentFails("relative-path");
    }

    @Test
    void twoEndpointsOnOnePath() throws Exception {
        assertDeploymentFails("same-path");
    }

    @Test
    void twoEquivalentTemplates() throws Exception {
        assertDeploymentFails("equivalent-templates");
    }

    @Test
    void nonPublicOnMessage() throws Exception {
        assertDeploymentFails("non-public");
    }

    @Test
    void twoOnOpenMethods() throws Exception {
        assertDeploymentFails("two-on-open");
    }

    @Test
    void messageTypeWithoutDecoder() throws Exception {
        assertDeploymentFails("undecodable");
    }

    @Test
    void partialPong() throws Exception {
        assertDeploymentFails("partial-pong");
    }

    @Test
    void inputStreamWithLastFlag() throws Exception {
        assertDeploymentFails("partial-stream");
    }

    @Test
    void onCloseWithExtraParameter() throws Exception {
        assertDeploymentFails("on-close-extra");
    }
}
