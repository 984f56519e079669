package dev.ferry.handshake;

import jakarta.websocket.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An immutable WebSocket extension offer or agreement: a name and its parameters, in order. */
public final class FerryExtension implements Extension {

    private final String name;
    private final List<Extension.Parameter> parameters;

    public FerryExtension(String name, List<? extends Extension.Parameter> parameters) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An extension needs a name");
        }
        this.name = name;
        List<Extension.Parameter> copies = new ArrayList<>(parameters.size());
        for (Extension.Parameter parameter : parameters) {
            copies.add(FerryExtensionParameter.copyOf(parameter));
        }
        this.parameters = List.copyOf(copies);
    }

    public FerryExtension(String name) {
        this(name, List.of());
    }

    /** An immutable copy of any {@link Extension} (an application may pass its own implementation). */
    public static FerryExtension copyOf(Extension extension) {
        if (extension instanceof FerryExtension own) {
            return own;
        }
        return new FerryExtension(extension.getName(), extension.getParameters());
    }

    @Override
    public String getName() {
        return name;
    }

    /** The parameters in the order they were given; unmodifiable. */
    @Override
    public List<Extension.Parameter> getParameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FerryExtension that && name.equals(that.name) && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + parameters.hashCode();
    }

    /** The extension as one element of a {@code Sec-WebSocket-Extensions} header. */
    @Override
    public String toString() {
        return ExtensionHeader.format(List.of(this));
    }
}
