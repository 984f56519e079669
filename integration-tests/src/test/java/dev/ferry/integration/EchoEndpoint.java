package dev.ferry.integration;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** Sends every message back to its sender, text as text and binary as binary, up to 16 MiB. */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    /** Large enough for the tests' biggest messages; the container default is much smaller. */
    static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public String echoText(String message) {
        return message;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public ByteBuffer echoBinary(ByteBuffer message) {
        return message;
    }
}
