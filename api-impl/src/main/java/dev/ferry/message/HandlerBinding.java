package dev.ferry.message;

import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;

/**
 * One registered handler and the sinks that feed it, one for each message kind it receives
 * (a decoded type with both a text and a binary decoder receives both kinds).
 */
record HandlerBinding(MessageHandler handler, Set<MessageKind> kinds, TextSink textSink, BinarySink binarySink,
        PongSink pongSink) {

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
            if (messageType == String.class) {
                return new HandlerBinding(handler, EnumSet.of(MessageKind.TEXT), HandlerSinks.partialText(target),
                        null, null);
            } else if (messageType == ByteBuffer.class || messageType == byte[].class) {
                return new HandlerBinding(handler, EnumSet.of(MessageKind.BINARY), null,
                        HandlerSinks.partialBinary(messageType, target), null);
            }
            throw new IllegalStateException("A MessageHandler.Partial can receive only String, ByteBuffer or byte[], not "
                    + type.getName() + "; use a MessageHandler.Whole for it");
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

    private static Set<MessageKind> wholeKinds(Class<?> type, DecoderSet decoders) {
        if (type == String.class || type == Reader.class || PrimitiveTypes.isPrimitiveOrBoxed(type)) {
            return EnumSet.of(MessageKind.TEXT);
        } else if (type == ByteBuffer.class || type == byte[].class || type == InputStream.class) {
            return EnumSet.of(MessageKind.BINARY);
        } else if (type == PongMessage.class) {
            return EnumSet.of(MessageKind.PONG);
        }
        return decoders.decodedKinds(type);
    }
}
