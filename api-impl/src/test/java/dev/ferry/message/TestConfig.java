package dev.ferry.message;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A plain EndpointConfig; coders record their lifecycle calls in its user properties. */
public record TestConfig(List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders,
        Map<String, Object> userProperties) implements EndpointConfig {

    public static final String LIFECYCLE = "lifecycle";

    public static TestConfig of(List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(LIFECYCLE, new ArrayList<String>());
        return new TestConfig(decoders, encoders, properties);
    }

    public static TestConfig empty() {
        return of(List.of(), List.of());
    }

    @SuppressWarnings("unchecked")
    public List<String> lifecycle() {
        return (List<String>) userProperties.get(LIFECYCLE);
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return encoders;
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return decoders;
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }
}
