package dev.ferry.samples.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node knows of a room: who is in it on every node (to count them), who is in it on this
 * node (to answer a new node's {@link ChatEvent.Hello}), and the last {@link #HISTORY} messages it
 * has seen. It changes only with the room's messages, in the order the room's topic gives them on
 * this node, so every member here sees counts and history that agree with what it was sent.
 */
final class ChatRoomState {

    static final int HISTORY = 50;

    /** What a node does after a message of its room. */
    record Reaction(List<ChatEvent> publish, int online, boolean onlineChanged) {
    }

    private final String node;
    private final Map<String, String> everyone = new LinkedHashMap<>();
    private final Map<String, String> here = new LinkedHashMap<>();
    private final ArrayDeque<ChatEvent.Said> history = new ArrayDeque<>(HISTORY);
    private boolean heardAnotherNode;

    /** @param node this node's token in member ids and hellos */
    ChatRoomState(String node) {
        this.node = node;
    }

    /** A member of this node joins: what it is shown first (the history, as replays). */
    synchronized List<ChatEvent> arrive(String id, String name) {
        here.put(id, name);
        List<ChatEvent> replay = new ArrayList<>(history.size());
        for (ChatEvent.Said said : history) {
            replay.add(said.asReplay());
        }
        return replay;
    }

    /** @return whether it was a member here (a member dropped as too slow leaves once) */
    synchronized boolean depart(String id) {
        return here.remove(id) != null;
    }

    synchronized boolean isHere(String id) {
        return here.containsKey(id);
    }

    synchronized int online() {
        return everyone.size();
    }

    /** Takes in one message of the room's topic (as JSON fields); says what to publish in answer. */
    synchronized Reaction apply(Map<String, Object> event, boolean fromAnotherNode) {
        int before = everyone.size();
        String type = String.valueOf(event.get("type"));
        List<ChatEvent> publish = new ArrayList<>();
        switch (type) {
            case "say" -> {
                if (history.size() == HISTORY) {
                    history.removeFirst();
                }
                history.addLast(new ChatEvent.Said((String) event.get("from"), (String) event.get("text"),
                        (Long) event.get("time"), false));
            }
            case "join", "here" -> everyone.put((String) event.get("id"), (String) event.get("name"));
            case "leave" -> everyone.remove((String) event.get("id"));
            case "hello" -> {
                if (!node.equals(event.get("node"))) {
                    here.forEach((id, name) -> publish.add(new ChatEvent.Here(name, id)));
                }
            }
            default -> {
                // online, welcome and the like are for pages
            }
        }
        if (fromAnotherNode && !heardAnotherNode) {
            // Proof that this node hears the room now: ask again, in case the first answers came too early.
            heardAnotherNode = true;
            publish.add(new ChatEvent.Hello(node));
        }
        // A join or leave is followed by the count; a member heard of again changes nothing.
        boolean changed = type.equals("join") || type.equals("leave") || type.equals("here") && everyone.size() != before;
        return new Reaction(publish, everyone.size(), changed);
    }
}
