package dev.ferry.spring.boot.it.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** An annotated endpoint with a path parameter, deployed through Spring's ServerEndpointExporter. */
@ServerEndpoint("/rooms/{room}")
public class RoomEndpoint {

    @OnMessage
    public String onMessage(String text, @PathParam("room") String room) {
        return room + ": " + text;
    }
}
