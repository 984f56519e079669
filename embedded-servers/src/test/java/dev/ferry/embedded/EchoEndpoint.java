package dev.ferry.embedded;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Deployed into the root application by class, and into WARs as a class file. */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    @OnMessage
    public String echo(String message) {
        return message;
    }
}
