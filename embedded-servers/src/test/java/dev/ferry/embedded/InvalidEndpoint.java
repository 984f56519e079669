package dev.ferry.embedded;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A path without its leading slash: Ferry refuses to deploy it, so its application fails to start. */
@ServerEndpoint("no-leading-slash")
public class InvalidEndpoint {
    @OnMessage
    public String echo(String message) {
        return message;
    }
}
