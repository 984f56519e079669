package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.client.FerryClientContainer;
import dev.ferry.embedded.ServerKind;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ferry's client against Ferry's server inside each container, with and without permessage-deflate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FerryClientInContainerTest {

    private RunningServers servers;
    private final FerryClientContainer client = new FerryClientContainer();

    @BeforeAll
    void start() throws Exception {
        servers = RunningServers.start(TestEndpoints.ALL);
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        servers.close();
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (ServerKind kind : ServerKind.values()) {
            cases.add(Arguments.of(kind, true));
            cases.add(Arguments.of(kind, false));
        }
        return cases;
    }

    private static final class Collector extends Endpoint {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(16 << 20);
            session.setMaxBinaryMessageBufferSize(16 << 20);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) received::add);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void echoesCompressibleAndRandomMessages(ServerKind kind, boolean deflate) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("dev.ferry.deflate", Boolean.toString(deflate));
        Collector collector = new Collector();
        Session session = client.connectToServer(collector, config,
                URI.create("ws://127.0.0.1:" + servers.port(kind) + "/echo"));
        try {
            assertEquals(deflate ? List.of("permessage-deflate") : List.of(),
                    session.getNegotiatedExtensions().stream().map(jakarta.websocket.Extension::getName).toList());
            Random random = new Random(42);
            for (int size : new int[] {0, 1, 125, 126, 65_535, 65_536, 1 << 20}) {
                String text = "ferry ".repeat(size / 6 + 1).substring(0, size);
                session.getBasicRemote().sendText(text);
                assertEquals(text, collector.received.poll(10, TimeUnit.SECONDS), "text of " + size);
                byte[] noise = new byte[size];
                random.nextBytes(noise);
                session.getBasicRemote().sendBinary(ByteBuffer.wrap(noise));
                ByteBuffer echoed = (ByteBuffer) collector.received.poll(10, TimeUnit.SECONDS);
                byte[] got = new byte[echoed.remaining()];
                echoed.get(got);
                assertArrayEquals(noise, got, "binary of " + size);
            }
        } finally {
            session.close();
        }
    }
}
