package dev.ferry.spring.boot.it.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** Plain Spring WebSocket handlers: a text echo and a binary one that reverses the bytes. */
@Configuration
@EnableWebSocket
public class HandlerConfig implements WebSocketConfigurer {

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new TextEcho(), "/handler/text");
        registry.addHandler(new BinaryReverse(), "/handler/binary");
    }

    static final class TextEcho extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
            session.sendMessage(new TextMessage("echo: " + message.getPayload()));
        }
    }

    static final class BinaryReverse extends BinaryWebSocketHandler {
        @Override
        protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
            ByteBuffer payload = message.getPayload();
            byte[] reversed = new byte[payload.remaining()];
            for (int i = reversed.length - 1; i >= 0; i--) {
                reversed[i] = payload.get();
            }
            session.sendMessage(new BinaryMessage(reversed));
        }
    }
}
