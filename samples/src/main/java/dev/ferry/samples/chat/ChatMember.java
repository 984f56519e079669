package dev.ferry.samples.chat;

import jakarta.websocket.Session;

/**
 * One session in a room: the name it chose and an id unique across nodes. Identity is the id.
 * What is sent to it alone (the welcome, the history, a refusal) goes out with one asynchronous
 * send each: Ferry queues them in order behind what the session was sent before.
 */
final class ChatMember {

    private final String name;
    private final String id;
    private final Session session;

    ChatMember(String name, String id, Session session) {
        this.name = name;
        this.id = id;
        this.session = session;
    }

    String name() {
        return name;
    }

    String id() {
        return id;
    }

    Session session() {
        return session;
    }

    /** Sends {@code event} to this member alone, never waiting. */
    void tell(ChatEvent event) {
        try {
            session.getAsyncRemote().sendObject(event, result -> { });
        } catch (IllegalStateException e) {
            // closed meanwhile: nothing to tell
        }
    }

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
