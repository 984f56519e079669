package dev.ferry.pojo;

import dev.ferry.message.MessageKind;
import java.util.Set;

/**
 * An {@code @OnMessage} method as analysed: what it receives (boxed type, message kinds, whole or
 * partial) and the size limit it asks for (-1 when not set).
 */
record MessageMethod(PojoMethod method, Class<?> messageType, Set<MessageKind> kinds, boolean partial,
        long maxMessageSize) {
}
