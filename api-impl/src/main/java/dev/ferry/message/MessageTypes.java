package dev.ferry.message;

import jakarta.websocket.PongMessage;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;

/**
 * The message types the specification has every implementation receive without a decoder, shared
 * by the handler registry and the analysis of annotated endpoints so the two never disagree.
 */
public final class MessageTypes {

    private MessageTypes() {
    }

    /**
     * The kind a whole message of {@code type} arrives as without a decoder: text for String,
     * Reader and primitives, binary for ByteBuffer, byte[] and InputStream, pong for PongMessage;
     * {@code null} for any other type.
     */
    public static MessageKind builtInKind(Class<?> type) {
        if (type == String.class || type == Reader.class || PrimitiveTypes.isPrimitiveOrBoxed(type)) {
            return MessageKind.TEXT;
        } else if (type == ByteBuffer.class || type == byte[].class || type == InputStream.class) {
            return MessageKind.BINARY;
        } else if (type == PongMessage.class) {
            return MessageKind.PONG;
        }
        return null;
    }

    /** Whether messages of {@code type} may be received in parts: String, ByteBuffer and byte[] only. */
    public static boolean supportsPartial(Class<?> type) {
        return type == String.class || type == ByteBuffer.class || type == byte[].class;
    }
}
