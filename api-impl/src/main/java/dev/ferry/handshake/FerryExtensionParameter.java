package dev.ferry.handshake;

import jakarta.websocket.Extension;
import java.util.Objects;

/**
 * One parameter of an extension, e.g. {@code client_max_window_bits=10}; {@code value} is
 * {@code null} for a parameter sent without one (a bare {@code client_max_window_bits}).
 */
public record FerryExtensionParameter(String name, String value) implements Extension.Parameter {

    public FerryExtensionParameter {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An extension parameter needs a name");
        }
    }

    /** A copy of any {@link Extension.Parameter}, so that equality and immutability hold. */
    public static FerryExtensionParameter copyOf(Extension.Parameter parameter) {
        if (parameter instanceof FerryExtensionParameter own) {
            return own;
        }
        return new FerryExtensionParameter(parameter.getName(), parameter.getValue());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getValue() {
        return value;
    }

    /** The parameter as it appears in the header ({@code name} or {@code name=value}), unquoted. */
    @Override
    public String toString() {
        return value == null ? name : name + "=" + value;
    }
}
