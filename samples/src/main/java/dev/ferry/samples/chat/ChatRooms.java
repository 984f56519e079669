package dev.ferry.samples.chat;

import dev.ferry.broadcast.Topics;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The rooms of one deployment, created on first join and kept (with their history) after the
 * last member leaves. Their number is capped so that clients inventing room names cannot grow
 * memory without bound. Each deployment has a token of its own that makes its members' ids
 * unique across the nodes that share the rooms.
 */
final class ChatRooms {

    static final int MAX_ROOMS = 1000;

    private final ConcurrentHashMap<String, ChatRoom> rooms = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final String node = UUID.randomUUID().toString().substring(0, 8);

    ChatRooms(LongSupplier clock) {
        this.clock = clock;
    }

    /** This deployment's token in member ids. */
    String node() {
        return node;
    }

    /** The room called {@code name}, created if need be on {@code topics}; null when the cap is reached. */
    ChatRoom room(String name, Topics topics) {
        ChatRoom room = rooms.get(name);
        if (room != null) {
            return room;
        }
        // Two joins racing past this check may overshoot the cap by a room or two; harmless.
        if (rooms.size() >= MAX_ROOMS) {
            return null;
        }
        return rooms.computeIfAbsent(name, n -> new ChatRoom(n, topics, node, clock));
    }
}
