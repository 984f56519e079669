package dev.ferry.broadcast;

import dev.ferry.message.EncoderSet;
import jakarta.websocket.EncodeException;
import jakarta.websocket.EndpointConfig;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoders of the endpoint configurations objects were published with, created on first use
 * and kept until the application stops (an endpoint's configuration lives as long). Each set is
 * used by one publisher at a time: encoders need not be thread-safe.
 */
final class ObjectEncoders implements AutoCloseable {

    private final ConcurrentHashMap<EndpointConfig, EncoderSet> sets = new ConcurrentHashMap<>();

    EncoderSet.Encoded encode(EndpointConfig config, Object object) throws EncodeException, IOException {
        EncoderSet set = sets.computeIfAbsent(config, c -> new EncoderSet(c.getEncoders(), c));
        synchronized (set) {
            return set.encode(object);
        }
    }

    @Override
    public void close() {
        sets.values().forEach(EncoderSet::destroy);
        sets.clear();
    }
}
