package dev.ferry.benchmarks.servers;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The endpoint every servlet flavour serves: each message goes back to its sender, as it came,
 * through {@code session.getBasicRemote()}: the way most applications write an answer (rather than
 * returning it from the method), and the send path whose cost matters to them.
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    /** 16 MiB, so that 1 MiB messages pass and a container that sizes buffers by it shows it. */
    static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public void echoText(String message, Session session) throws IOException {
        session.getBasicRemote().sendText(message);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public void echoBinary(ByteBuffer message, Session session) throws IOException {
        session.getBasicRemote().sendBinary(message);
    }
}
