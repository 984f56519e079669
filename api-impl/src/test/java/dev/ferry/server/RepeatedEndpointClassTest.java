package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.config.FerrySettings;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.session.InMemoryTransport;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An annotated class that reaches the container twice (scanned and registered by a framework, or
 * by two of Spring's exporters) is deployed once; anything else at a taken path still fails.
 */
class RepeatedEndpointClassTest {

    @ServerEndpoint("/twice")
    public static class TwiceEndpoint {
        @OnMessage
        public String onMessage(String text) {
            return "once:" + text;
        }
    }

    @ServerEndpoint("/twice")
    public static class OtherEndpointAtTheSamePath {
        @OnMessage
        public void onMessage(String text) {
        }
    }

    private final String application = "/repeated-" + System.nanoTime();
    private final FerryServerContainer container =
            new FerryServerContainer(FerrySettings.defaults(), getClass().getClassLoader(), application);

    @AfterEach
    void shutdown() {
        container.shutdown();
    }

    @Test
    void theSameClassAddedTwiceIsDeployedOnceAndServes() throws Exception {
        container.addEndpoint(TwiceEndpoint.class);
        container.addEndpoint(TwiceEndpoint.class);

        UpgradeDecision.Accept accept = assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(FerryServerContainerTest.request("/twice", Map.of())));
        InMemoryTransport transport = new InMemoryTransport();
        accept.session().start(transport);
        transport.feed(maskedText("hi"));
        assertEquals("once:hi", transport.frames().get(transport.frames().size() - 1).text());
        assertEquals(1, ManagementFactory.getPlatformMBeanServer()
                .queryNames(new javax.management.ObjectName("dev.ferry:type=Endpoint,application="
                        + javax.management.ObjectName.quote(application) + ",*"), null).size(), "one endpoint, one MBean");
    }

    @Test
    void aScannedClassMayBeAddedAgainProgrammatically() throws Exception {
        container.deployScanned(Set.of(TwiceEndpoint.class));
        container.addEndpoint(TwiceEndpoint.class);
        assertInstanceOf(UpgradeDecision.Accept.class,
                container.decide(FerryServerContainerTest.request("/twice", Map.of())));
    }

    @Test
    void anotherClassOrAConfigurationAtTheSamePathStillFails() throws Exception {
        container.addEndpoint(TwiceEndpoint.class);
        assertThrows(DeploymentException.class, () -> container.addEndpoint(OtherEndpointAtTheSamePath.class));

        FerryServerContainer second = new FerryServerContainer(FerrySettings.defaults(), getClass().getClassLoader(),
                application + "-config");
        try {
            second.addEndpoint(TwiceEndpoint.class);
            ServerEndpointConfig sameClassAsConfig =
                    ServerEndpointConfig.Builder.create(TwiceEndpoint.class, "/twice").build();
            assertThrows(DeploymentException.class, () -> second.addEndpoint(sameClassAsConfig));
        } finally {
            second.shutdown();
        }
    }

    @Test
    void afterTheDeploymentPhaseEvenTheSameClassIsRefused() throws Exception {
        container.addEndpoint(TwiceEndpoint.class);
        container.endDeployment();
        assertThrows(IllegalStateException.class, () -> container.addEndpoint(TwiceEndpoint.class));
    }

    private static byte[] maskedText(String text) {
        ByteBuffer frame = FrameWriter.encode(true, 0, Opcode.TEXT,
                ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true, 0x0badf00d);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }
}
