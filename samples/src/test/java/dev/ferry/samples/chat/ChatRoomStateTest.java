package dev.ferry.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a node knows of a room, fed the room's messages as its topic hands them over: the count
 * over every node, the history a newcomer gets, and the answers to another node's hello.
 */
class ChatRoomStateTest {

    private final ChatRoomState state = new ChatRoomState("node-a");

    private static Map<String, Object> event(ChatEvent e) {
        return FlatJson.read(new ChatEventEncoder().encode(e));
    }

    @Test
    void joinsAndLeavesOnAnyNodeAreCountedAndFollowedByTheCount() {
        ChatRoomState.Reaction first = state.apply(event(new ChatEvent.Joined("alice", "node-a:1", 1)), false);
        assertEquals(new ChatRoomState.Reaction(List.of(), 1, true), first);
        ChatRoomState.Reaction second = state.apply(event(new ChatEvent.Joined("bob", "node-b:1", 2)), true);
        assertEquals(2, second.online());
        assertTrue(second.onlineChanged());
        assertEquals(List.of(new ChatEvent.Hello("node-a")), second.publish(),
                "the first message from another node: this node hears the room, and asks once more who is there");
        ChatRoomState.Reaction third = state.apply(event(new ChatEvent.Joined("carol", "node-b:2", 3)), true);
        assertEquals(List.of(), third.publish(), "asked once only");
        assertEquals(2, state.apply(event(new ChatEvent.Left("bob", "node-b:1", 4)), true).online());
        assertEquals(2, state.online());
    }

    @Test
    void membersHeardOfAgainChangeNothing() {
        state.apply(event(new ChatEvent.Joined("bob", "node-b:1", 1)), false);
        ChatRoomState.Reaction again = state.apply(event(new ChatEvent.Here("bob", "node-b:1")), false);
        assertFalse(again.onlineChanged());
        assertTrue(state.apply(event(new ChatEvent.Here("dan", "node-c:7")), false).onlineChanged());
        assertEquals(2, state.online());
    }

    @Test
    void anotherNodesHelloIsAnsweredWithThisNodesMembersAndItsOwnIsNot() {
        state.arrive("node-a:1", "alice");
        state.arrive("node-a:2", "al");
        assertEquals(List.of(), state.apply(event(new ChatEvent.Hello("node-a")), false).publish());
        assertEquals(List.of(new ChatEvent.Here("alice", "node-a:1"), new ChatEvent.Here("al", "node-a:2")),
                state.apply(event(new ChatEvent.Hello("node-b")), false).publish());
        assertTrue(state.depart("node-a:2"));
        assertFalse(state.depart("node-a:2"), "a member leaves once");
        assertFalse(state.isHere("node-a:2"));
    }

    @Test
    void newcomersGetTheLastFiftyMessagesAsReplays() {
        for (int i = 0; i < ChatRoomState.HISTORY + 3; i++) {
            state.apply(event(new ChatEvent.Said("alice", "m" + i, i, false)), i % 2 == 0);
        }
        List<ChatEvent> replay = state.arrive("node-a:9", "newcomer");
        assertEquals(ChatRoomState.HISTORY, replay.size());
        assertEquals(new ChatEvent.Said("alice", "m3", 3, true), replay.get(0));
        assertEquals(new ChatEvent.Said("alice", "m52", 52, true), replay.get(ChatRoomState.HISTORY - 1));
    }
}
