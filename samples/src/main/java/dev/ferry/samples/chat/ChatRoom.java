package dev.ferry.samples.chat;

import dev.ferry.broadcast.SlowSubscriberPolicy;
import dev.ferry.broadcast.TopicListener;
import dev.ferry.broadcast.TopicMessage;
import dev.ferry.broadcast.Topics;
import java.util.function.LongSupplier;

/**
 * One room on this node, on Ferry's topics: its members are subscribed to the topic
 * {@code chat/<room>}, every event for the room is published there once (and reaches the members
 * on every node, through the relay when there is one), and the room hears its own topic to keep
 * its {@link ChatRoomState}: the count it sends its members (on this node only) after every join
 * and leave, and the history it replays to newcomers. A newcomer gets the welcome and the history
 * while the topic holds its messages back, so nothing published meanwhile is missed or doubled.
 * A member that stops reading is closed by the topic (1008) and leaves like anyone else.
 */
final class ChatRoom implements TopicListener {

    static final int HISTORY = ChatRoomState.HISTORY;

    private final String topic;
    private final Topics topics;
    private final LongSupplier clock;
    private final ChatRoomState state;
    private final ChatEventEncoder encoder = new ChatEventEncoder();
    private final String node;

    ChatRoom(String name, Topics topics, String node, LongSupplier clock) {
        this.topic = "chat/" + name;
        this.topics = topics;
        this.clock = clock;
        this.node = node;
        this.state = new ChatRoomState(node);
        topics.addListener(topic, this);
        publish(new ChatEvent.Hello(node));
    }

    /** Welcomes {@code member} with the history, then tells everyone (it too) that it joined. */
    void join(ChatMember member, ChatEvent.Welcome welcome) {
        topics.subscribe(member.session(), topic, SlowSubscriberPolicy.CLOSE_POLICY_VIOLATION, () -> {
            member.tell(welcome);
            state.arrive(member.id(), member.name()).forEach(member::tell);
        });
        publish(new ChatEvent.Joined(member.name(), member.id(), clock.getAsLong()));
    }

    /** Does nothing for a member no longer in the room. */
    void leave(ChatMember member) {
        if (state.depart(member.id())) {
            topics.unsubscribe(member.session(), topic);
            publish(new ChatEvent.Left(member.name(), member.id(), clock.getAsLong()));
        }
    }

    void say(ChatMember from, String text) {
        if (state.isHere(from.id())) {
            publish(new ChatEvent.Said(from.name(), text, clock.getAsLong(), false));
        }
    }

    /** Members on this node, on every node: for tests. */
    int online() {
        return state.online();
    }

    /** Every message of the room, from this node or another, in the order its members here get them. */
    @Override
    public void onMessage(TopicMessage message) {
        ChatRoomState.Reaction reaction = state.apply(FlatJson.read(message.text()), message.isFromAnotherNode());
        if (reaction.onlineChanged()) {
            // Counted here, sent to the members here: each node counts what it has heard.
            topics.publishLocally(topic, encoder.encode(new ChatEvent.Online(reaction.online())));
        }
        reaction.publish().forEach(this::publish);
    }

    /**
     * This node hears the other nodes' messages of the room from now on: it asks them again who is
     * there (their first answers to the hello sent at creation may have come before this).
     */
    @Override
    public void onOtherNodesHeard(String topic) {
        publish(new ChatEvent.Hello(node));
    }

    private void publish(ChatEvent event) {
        topics.publish(topic, encoder.encode(event));
    }
}
