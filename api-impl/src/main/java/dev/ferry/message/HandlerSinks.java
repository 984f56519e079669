package dev.ferry.message;

import dev.ferry.engine.BinarySink;
import dev.ferry.engine.PongSink;import dev.ferry.engine.TextSink;
import jakarta.websocket.MessageHandler;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;

/**
 * Builds the sink that turns what the engine delivers into the argument one handler expects:
 * the raw message, a stream over it, a converted primitive, or a decoded object.
 */
final class HandlerSinks {

    private HandlerSinks() {
    }

    static TextSink wholeText(Class<?> type, MessageHandler.Whole<Object> handler, DecoderSet decoders) {
        return new TextSink() {
            @Override
            public boolean wantsWholeMessage() {
                return true;
            }

            @Override
            public void onText(String text, boolean last) throws Exception {
                handler.onMessage(textArgument(type, text, decoders));
            }
        };
    }

    static TextSink partialText(MessageHandler.Partial<Object> handler) {
        return new TextSink() {
            @Override
            public boolean wantsWholeMessage() {
                return false;
            }

            @Override
            public void onText(String text, boolean last) {
                handler.onMessage(text, last);
            }
        };
    }

    static BinarySink wholeBinary(Class<?> type, MessageHandler.Whole<Object> handler, DecoderSet decoders) {
        return new BinarySink() {
            @Override
            public boolean wantsWholeMessage() {
                return true;
            }

            @Override
            public boolean lendsWholeMessage() {
                // A ByteBuffer or InputStream is lent (the API tells handlers not to keep them), a
                // byte[] is a copy; what a decoder makes of the buffer may keep it, so not lent.
                // Asked once per message, not kept: every session holds this sink.
                return type == ByteBuffer.class || type == byte[].class || type == InputStream.class
                        && !decoders.decodedKinds(InputStream.class).contains(MessageKind.BINARY);
            }

            @Override
            public void onBinary(ByteBuffer data, boolean last) throws Exception {
                handler.onMessage(binaryArgument(type, data, decoders));
            }
        };
    }

    static BinarySink partialBinary(Class<?> type, MessageHandler.Partial<Object> handler) {
        return new BinarySink() {
            @Override
            public boolean wantsWholeMessage() {
                return false;
            }

            @Override
            public void onBinary(ByteBuffer data, boolean last) {
                // The engine reuses its buffer after the call, so a byte[] handler gets a copy;
                // a ByteBuffer handler was told by the API that the buffer is only lent.
                handler.onMessage(type == byte[].class ? toArray(data) : data, last);
            }
        };
    }

    static PongSink pong(MessageHandler.Whole<Object> handler) {
        return applicationData -> handler.onMessage(new ReceivedPong(applicationData));
    }

    private static Object textArgument(Class<?> type, String text, DecoderSet decoders) throws Exception {
        if (type == String.class) {
            return text;
        } else if (type == Reader.class && !decoders.decodedKinds(Reader.class).contains(MessageKind.TEXT)) {
            // A configured decoder to Reader wins over the plain one (the TCK checks this).
            return new StringReader(text);
        }
        return decoders.decodeText(type, text);
    }

    private static Object binaryArgument(Class<?> type, ByteBuffer data, DecoderSet decoders) throws Exception {
        if (type == ByteBuffer.class) {
            return data;
        } else if (type == byte[].class) {
            return toArray(data);
        } else if (type == InputStream.class && !decoders.decodedKinds(InputStream.class).contains(MessageKind.BINARY)) {
            return new ByteBufferInputStream(data);
        }
        return decoders.decodeBinary(type, data);
    }

    private static byte[] toArray(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }
}
