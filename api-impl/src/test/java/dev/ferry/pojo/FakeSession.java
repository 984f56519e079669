package dev.ferry.pojo;

import dev.ferry.engine.BinarySink;
import dev.ferry.engine.PongSink;
import dev.ferry.engine.TextSink;
import dev.ferry.message.DecoderSet;
import dev.ferry.message.EncoderSet;
import dev.ferry.message.MessageHandlerRegistry;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Session test double wired to a real registry, decoder set and encoder set, plus the part of
 * the engine that matters here: deliver a message to the current sink and route what it throws
 * to the endpoint's onError.
 */
final class FakeSession implements Session {

    final MessageHandlerRegistry registry;
    final FakeBasicRemote basic;
    final Endpoint endpoint;
    int maxTextMessageBufferSize = 8192;
    int maxBinaryMessageBufferSize = 8192;

    FakeSession(EndpointConfig config, Endpoint endpoint) {
        this.registry = new MessageHandlerRegistry(config, new DecoderSet(config.getDecoders(), config));
        this.basic = new FakeBasicRemote(new EncoderSet(config.getEncoders(), config));
        this.endpoint = endpoint;
    }

    /** Delivers a text message whole, or in the given parts when the sink wants parts. */
    void receiveText(String... parts) {
        TextSink sink = registry.textSink();
        if (sink == null) {
            throw new AssertionError("no text handler registered");
        }
        try {
            if (sink.wantsWholeMessage()) {
                sink.onText(String.join("", parts), true);
            } else {
                for (int i = 0; i < parts.length; i++) {
                    sink.onText(parts[i], i == parts.length - 1);
                }
            }
        } catch (Exception e) {
            endpoint.onError(this, e);
        }
    }

    /** Delivers a binary message whole, or in the given parts when the sink wants parts. */
    void receiveBinary(byte[]... parts) {
        BinarySink sink = registry.binarySink();
        if (sink == null) {
            throw new AssertionError("no binary handler registered");
        }
        try {
            if (sink.wantsWholeMessage()) {
                ByteBuffer whole = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
                for (byte[] part : parts) {
                    whole.put(part);
                }
                sink.onBinary(whole.flip(), true);
            } else {
                for (int i = 0; i < parts.length; i++) {
                    sink.onBinary(ByteBuffer.wrap(parts[i]), i == parts.length - 1);
                }
            }
        } catch (Exception e) {
            endpoint.onError(this, e);
        }
    }

    void receivePong(byte[] data) {
        PongSink sink = registry.pongSink();
        if (sink == null) {
            throw new AssertionError("no pong handler registered");
        }
        try {
            sink.onPong(ByteBuffer.wrap(data));
        } catch (Exception e) {
            endpoint.onError(this, e);
        }
    }

    @Override
    public void addMessageHandler(MessageHandler handler) {
        registry.add(handler);
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Whole<T> handler) {
        registry.add(clazz, handler);
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Partial<T> handler) {
        registry.add(clazz, handler);
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        return registry.handlers();
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        registry.remove(handler);
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        return basic;
    }

    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        maxBinaryMessageBufferSize = length;
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        return maxBinaryMessageBufferSize;
    }

    @Override
    public void setMaxTextMessageBufferSize(int length) {
        maxTextMessageBufferSize = length;
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        return maxTextMessageBufferSize;
    }

    @Override
    public String getId() {
        return "fake-1";
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public WebSocketContainer getContainer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getProtocolVersion() {
        return "13";
    }

    @Override
    public String getNegotiatedSubprotocol() {
        return "";
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        return List.of();
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public long getMaxIdleTimeout() {
        return 0;
    }

    @Override
    public void setMaxIdleTimeout(long milliseconds) {
    }

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    @Override
    public void close(CloseReason closeReason) {
    }

    @Override
    public URI getRequestURI() {
        return URI.create("/test");
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        return Map.of();
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public Map<String, String> getPathParameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return Map.of();
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public Set<Session> getOpenSessions() {
        return Set.of(this);
    }
}
