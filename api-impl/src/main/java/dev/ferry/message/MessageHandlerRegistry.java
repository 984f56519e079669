package dev.ferry.message;

import dev.ferry.engine.BinarySink;
import dev.ferry.engine.MessageSinks;
import dev.ferry.engine.PongSink;
import dev.ferry.engine.TextSink;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The message handlers of one session and the sinks through which the engine reaches them.
 *
 * <p>Handlers may be added and removed from any thread while the engine delivers, so changes are
 * made under the registry's lock and the sinks are published through volatile fields: the engine
 * reads them without locking, once per message.
 */
public final class MessageHandlerRegistry implements MessageSinks {

    private static final HandlerBinding[] NONE = {};

    private final EndpointConfig config;
    private final DecoderSet decoders;

    /**
     * The handlers in the order they were added; guarded by {@code this}. A session has one to three
     * (one per kind of message), so an array scanned beats maps that every idle session would carry.
     */
    private HandlerBinding[] bindings = NONE;

    private volatile TextSink textSink;
    private volatile BinarySink binarySink;
    private volatile PongSink pongSink;

    public MessageHandlerRegistry(EndpointConfig config, DecoderSet decoders) {
        this.config = config;
        this.decoders = Objects.requireNonNull(decoders, "decoders");
    }

    /** The configuration the session was opened with. */
    public EndpointConfig config() {
        return config;
    }

    public <T> void add(Class<T> type, MessageHandler.Whole<T> handler) {
        register(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"), false);
    }

    public <T> void add(Class<T> type, MessageHandler.Partial<T> handler) {
        register(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"), true);
    }

    /**
     * Adds a handler whose message type is read from its generic declaration.
     *
     * @throws IllegalStateException when the type cannot be read (as for lambdas) or cannot be received,
     *         or a handler for the same kind of message is already registered
     */
    public void add(MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Class<?> handlerInterface;
        boolean partial = false;
        if (handler instanceof MessageHandler.Whole<?>) {
            handlerInterface = MessageHandler.Whole.class;
        } else if (handler instanceof MessageHandler.Partial<?>) {
            handlerInterface = MessageHandler.Partial.class;
            partial = true;
        } else {
            throw new IllegalStateException(handler.getClass().getName()
                    + " implements neither MessageHandler.Whole nor MessageHandler.Partial");
        }
        Class<?> type = GenericTypes.typeArgument(handler.getClass(), handlerInterface);
        if (type == null) {
            throw new IllegalStateException("Cannot determine the message type of " + handler.getClass().getName()
                    + " (lambdas and raw types do not record it); use addMessageHandler(Class<T>, "
                    + handlerInterface.getSimpleName() + "<T>) instead");
        }
        register(type, handler, partial);
    }

    /** Removes a handler; removing one that is not registered does nothing. */
    public synchronized void remove(MessageHandler handler) {
        for (int i = 0; i < bindings.length; i++) {
            if (bindings[i].handler().equals(handler)) {
                HandlerBinding[] fewer = new HandlerBinding[bindings.length - 1];
                System.arraycopy(bindings, 0, fewer, 0, i);
                System.arraycopy(bindings, i + 1, fewer, i, fewer.length - i);
                bindings = fewer;
                publishSinks();
                return;
            }
        }
    }

    /** A snapshot of the registered handlers, in the order they were added. */
    public synchronized Set<MessageHandler> handlers() {
        Set<MessageHandler> handlers = new LinkedHashSet<>();
        for (HandlerBinding binding : bindings) {
            handlers.add(binding.handler());
        }
        return Collections.unmodifiableSet(handlers);
    }

    /** The sink for text messages, or {@code null} when no handler receives text. */
    @Override
    public TextSink textSink() {
        return textSink;
    }

    /** The sink for binary messages, or {@code null} when no handler receives binary messages. */
    @Override
    public BinarySink binarySink() {
        return binarySink;
    }

    /** The sink for pongs, or {@code null} when no handler receives pongs. */
    @Override
    public PongSink pongSink() {
        return pongSink;
    }

    private synchronized void register(Class<?> type, MessageHandler handler, boolean partial) {
        HandlerBinding binding = HandlerBinding.of(type, handler, partial, decoders);
        for (MessageKind kind : binding.kinds()) {
            HandlerBinding existing = bindingFor(kind);
            if (existing != null) {
                throw new IllegalStateException("A " + kind.label() + " message handler is already registered ("
                        + existing.handler().getClass().getName() + "); a session has at most one handler per"
                        + " message kind, remove it first");
            }
        }
        HandlerBinding[] more = Arrays.copyOf(bindings, bindings.length + 1);
        more[bindings.length] = binding;
        bindings = more;
        publishSinks();
    }

    private HandlerBinding bindingFor(MessageHandler handler) {
        for (HandlerBinding binding : bindings) {
            if (binding.handler().equals(handler)) {
                return binding;
            }
        }
        return null;
    }

    private HandlerBinding bindingFor(MessageKind kind) {
        for (HandlerBinding binding : bindings) {
            if (binding.kinds().contains(kind)) {
                return binding;
            }
        }
        return null;
    }

    private void publishSinks() {
        HandlerBinding text = bindingFor(MessageKind.TEXT);
        HandlerBinding binary = bindingFor(MessageKind.BINARY);
        HandlerBinding pong = bindingFor(MessageKind.PONG);
        textSink = text == null ? null : text.textSink();
        binarySink = binary == null ? null : binary.binarySink();
        pongSink = pong == null ? null : pong.pongSink();
    }
}
