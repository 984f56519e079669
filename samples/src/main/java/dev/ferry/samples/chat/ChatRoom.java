package dev.ferry.samples.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One room: who is in it and its last {@link #HISTORY} messages. Every change happens under the
 * room's lock, so all members see events in one order and a newcomer gets the history and then
 * exactly what follows it. Under the lock events are only queued; sending happens after it is
 * released, and never waits for a client.
 */
final class ChatRoom {

    static final int HISTORY = 50;

    private final String name;
    private final LongSupplier clock;
    private final Set<ChatMember> members = new LinkedHashSet<>();
    private final ArrayDeque<ChatEvent.Said> history = new ArrayDeque<>(HISTORY);

    ChatRoom(String name, LongSupplier clock) {
        this.name = name;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    synchronized int online() {
        return members.size();
    }

    /** Welcomes {@code member}, replays the history to it, then tells everyone (it too) that it joined. */
    void join(ChatMember member, ChatEvent.Welcome welcome) {
        Delivery delivery;
        synchronized (this) {
            Outbox outbox = member.outbox();
            outbox.offer(welcome);
            for (ChatEvent.Said said : history) {
                outbox.offer(said.asReplay());
            }
            members.add(member);
            delivery = publish(List.of(new ChatEvent.Joined(member.name(), clock.getAsLong()),
                    new ChatEvent.Online(members.size())));
        }
        delivery.send();
    }

    /** Does nothing for a member no longer in the room (one dropped as too slow, say). */
    void leave(ChatMember member) {
        Delivery delivery;
        synchronized (this) {
            if (!members.remove(member)) {
                return;
            }
            delivery = publish(List.of(new ChatEvent.Left(member.name(), clock.getAsLong()),
                    new ChatEvent.Online(members.size())));
        }
        delivery.send();
    }

    void say(ChatMember from, String text) {
        Delivery delivery;
        synchronized (this) {
            if (!members.contains(from)) {
                return;
            }
            ChatEvent.Said said = new ChatEvent.Said(from.name(), text, clock.getAsLong(), false);
            if (history.size() == HISTORY) {
                history.removeFirst();
            }
            history.addLast(said);
            delivery = publish(List.of(said));
        }
        delivery.send();
    }

    /**
     * Queues {@code events} for every member (lock held). A member whose outbox is full leaves
     * the room at once, which is itself announced, so the online count never counts it.
     */
    private Delivery publish(List<ChatEvent> events) {
        List<ChatMember> dropped = new ArrayList<>();
        ArrayDeque<ChatEvent> pending = new ArrayDeque<>(events);
        while (!pending.isEmpty()) {
            ChatEvent event = pending.removeFirst();
            int before = dropped.size();
            for (Iterator<ChatMember> it = members.iterator(); it.hasNext();) {
                ChatMember member = it.next();
                if (!member.outbox().offer(event)) {
                    it.remove();
                    dropped.add(member);
                }
            }
            // Terminates: every round that adds events has removed members.
            for (int i = before; i < dropped.size(); i++) {
                pending.addLast(new ChatEvent.Left(dropped.get(i).name(), clock.getAsLong()));
            }
            if (dropped.size() > before) {
                pending.addLast(new ChatEvent.Online(members.size()));
            }
        }
        return new Delivery(List.copyOf(members), dropped);
    }

    /** What to do once the lock is released: start the sends, close the dropped. */
    private record Delivery(List<ChatMember> recipients, List<ChatMember> dropped) {
        void send() {
            for (ChatMember member : recipients) {
                member.outbox().flush();
            }
            for (ChatMember member : dropped) {
                member.dropAsTooSlow();
            }
        }
    }
}
