package dev.ferry.distribution.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** Sends every message back to its sender, text as text and binary as binary. */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    /** Above the container default (64 KiB), so that the tests can send messages larger than it. */
    static final int MAX_MESSAGE_SIZE = 1024 * 1024;

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public String echoText(String message) {
        return message;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public ByteBuffer echoBinary(ByteBuffer message) {
        return message;
    }
}
