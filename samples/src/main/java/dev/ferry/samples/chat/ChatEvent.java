package dev.ferry.samples.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server pushes to chat clients. Each shape is one flat JSON object whose {@code type}
 * says which; {@link #fields()} gives it in the order it is written.
 */
public sealed interface ChatEvent {

    /** The JSON fields, {@code type} first. */
    Map<String, Object> fields();

    /**
     * First event of every session. {@code extensions} lists what this server negotiated with the
     * client (comma-separated names, empty when none), as the server's session reports it;
     * {@code node} names the server the client reached (several may serve one room).
     */
    record Welcome(String you, String room, String extensions, String node) implements ChatEvent {
        @Override
        public Map<String, Object> fields() {
            return ordered("type", "welcome", "you", you, "room", room, "extensions", extensions, "node", node);
        }
    }

    /** A chat message; {@code replay} marks one from the room's history sent to a newcomer. */
    record Said(String from, String text, long time, boolean replay) implements ChatEvent {
        /** The same message as replayed on join. */
        Said asReplay() {
            return new Said(from, text, time, true);
        }

        @Override
        public Map<String, Object> fields() {
            return ordered("type", "say", "from", from, "text", text, "time", time, "replay", replay);
        }
    }

    /** {@code id} tells apart members of the same name, on any node. */
    record Joined(String name, String id, long time) implements ChatEvent {
        @Override
        public Map<String, Object> fields() {
            return ordered("type", "join", "name", name, "id", id, "time", time);
        }
    }

    record Left(String name, String id, long time) implements ChatEvent {
        @Override
        public Map<String, Object> fields() {
            return ordered("type", "leave", "name", name, "id", id, "time", time);
        }
    }

    /**
     * A node's first member of a room: the other nodes answer with {@link Here} for their members
     * in it, so that its count includes them. Pages ignore it.
     */
    record Hello(String node) implements ChatEvent {
        @Override
        public Map<String, Object> fields() {
            return ordered("type", "hello", "node", node);
        }
    }

    /** A member on another node, in answer to a {@link Hello}. Pages ignore it. */
    record Here(String name, String id) implements ChatEvent {
        @Override
        public Map<String, Object> fields() {
            return ordered("type", "here", "name", name, "id", id);
        }
    }

    /** How many sessions are in the room now; sent to everyone on every change. */
    record Online(int count) implements ChatEvent {
        @Override
        public Map<String, Object> fields() {
            return ordered("type", "online", "count", count);
        }
    }

    /** Tells one client that something it sent was refused. */
    record Problem(String text) implements ChatEvent {
        @Override
        public Map<String, Object> fields() {
            return ordered("type", "error", "text", text);
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
