package dev.ferry.message;

import dev.ferry.engine.BinarySink;
import dev.ferry.engine.PongSink;
import dev.ferry.engine.TextSink;
import jakarta.websocket.MessageHandler;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One registered handler and the sinks that feed it, one for each message kind it receives
 * (a decoded type with both a text and a binary decoder receives both kinds).
 */
record HandlerBinding(MessageHandler handler, Set<MessageKind> kinds, TextSink textSink, BinarySink binarySink,
        PongSink pongSink) {

    private static final Map<MessageKind, Set<MessageKind>> SINGLE_KINDS = singleKinds();

    private static Map<MessageKind, Set<MessageKind>> singleKinds() {
        Map<MessageKind, Set<MessageKind>> sets = new EnumMap<>(MessageKind.class);
        for (MessageKind kind : MessageKind.values()) {
            sets.put(kind, Collections.unmodifiableSet(EnumSet.of(kind)));
        }
        return Collections.unmodifiableMap(sets);
    }

    /**
     * Classifies {@code type} as the specification does and builds the sinks. {@code partial} says
     * which interface to call, for the odd handler that implements both.
     *
     * @throws IllegalStateException when the type cannot be received this way
     */
    @SuppressWarnings("unchecked")
    static HandlerBinding of(Class<?> type, MessageHandler handler, boolean partial, DecoderSet decoders) {
        Class<?> messageType = PrimitiveTypes.box(type);
        if (partial) {
            MessageHandler.Partial<Object> target = (MessageHandler.Partial<Object>) handler;
            if (!MessageTypes.supportsPartial(messageType)) {
                throw new IllegalStateException("A MessageHandler.Partial can receive only String, ByteBuffer or"
                        + " byte[], not " + type.getName() + "; use a MessageHandler.Whole for it");
            }
            if (messageType == String.class) {
                return new HandlerBinding(handler, only(MessageKind.TEXT), HandlerSinks.partialText(target),
                        null, null);
            } else {
                return new HandlerBinding(handler, only(MessageKind.BINARY), null,
                        HandlerSinks.partialBinary(messageType, target), null);
            }
        }
        MessageHandler.Whole<Object> target = (MessageHandler.Whole<Object>) handler;
        Set<MessageKind> kinds = wholeKinds(messageType, decoders);
        if (kinds.isEmpty()) {
            throw new IllegalStateException("Cannot receive messages of type " + type.getName()
                    + ": it is not String, Reader, a primitive, ByteBuffer, byte[], InputStream or PongMessage,"
                    + " and no configured decoder produces it; add a decoder to the endpoint configuration");
        }
        return new HandlerBinding(handler, kinds,
                kinds.contains(MessageKind.TEXT) ? HandlerSinks.wholeText(messageType, target, decoders) : null,
                kinds.contains(MessageKind.BINARY) ? HandlerSinks.wholeBinary(messageType, target, decoders) : null,
                kinds.contains(MessageKind.PONG) ? HandlerSinks.pong(target) : null);
    }

    /** One kind alone, as one shared immutable set: every session of an endpoint binds its handlers anew. */
    private static Set<MessageKind> only(MessageKind kind) {
        return SINGLE_KINDS.get(kind);
    }

    private static Set<MessageKind> wholeKinds(Class<?> type, DecoderSet decoders) {
        MessageKind builtIn = MessageTypes.builtInKind(type);
        return builtIn != null ? only(builtIn) : decoders.decodedKinds(type);
    }
}
