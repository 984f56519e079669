package dev.ferry.benchmarks.servers;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** The endpoint every server flavour serves: each message goes back to its sender, as it came. */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    /** 16 MiB, so that 1 MiB messages pass and a container that sizes buffers by it shows it. */
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
