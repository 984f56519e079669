package dev.ferry.pojo;

import dev.ferry.message.TestConfig;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import java.util.List;
import java.util.Map;

/** Deploys an annotated endpoint instance and opens one fake session on it. */
final class PojoHarness {

    final TestConfig config;
    final PojoEndpoint endpoint;
    final FakeSession session;

    private PojoHarness(Object instance, Map<String, String> pathParameters,
            List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders)
            throws DeploymentException {
        config = TestConfig.of(decoders, encoders);
        PojoMetadata metadata = PojoMetadata.analyse(instance.getClass(), pathParameters.keySet(), decoders, encoders);
        endpoint = new PojoEndpoint(instance, metadata, pathParameters);
        session = new FakeSession(config, endpoint);
        endpoint.onOpen(session, config);
    }

    static PojoHarness open(Object instance) throws DeploymentException {
        return new PojoHarness(instance, Map.of(), List.of(), List.of());
    }

    static PojoHarness open(Object instance, Map<String, String> pathParameters) throws DeploymentException {
        return new PojoHarness(instance, pathParameters, List.of(), List.of());
    }

    static PojoHarness open(Object instance, List<Class<? extends Decoder>> decoders,
            List<Class<? extends Encoder>> encoders) throws DeploymentException {
        return new PojoHarness(instance, Map.of(), decoders, encoders);
    }

    static PojoHarness open(Object instance, Map<String, String> pathParameters,
            List<Class<? extends Decoder>> decoders) throws DeploymentException {
        return new PojoHarness(instance, pathParameters, decoders, List.of());
    }
}
