package dev.ferry.tck.negative;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A well-formed endpoint deployed beside broken ones: a failed deployment must take it down too. */
@ServerEndpoint("/echo")
public class ValidEcho {
    @OnMessage
    public String echo(String text) {
        return text;
    }
}
