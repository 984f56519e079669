package dev.ferry.samples.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;

/** One session in a room: the name it chose and its {@link Outbox}. Identity is the session. */
final class ChatMember {

    /**
     * Events a member may have unread before it is dropped: room for the whole history replay
     * plus a burst, yet small enough (texts are at most {@link ChatPost#MAX_TEXT_LENGTH} chars)
     * that a stuck reader costs at most a megabyte or so.
     */
    static final int OUTBOX_LIMIT = 256;

    private final String name;
    private final Session session;
    private final Outbox outbox;

    ChatMember(String name, Session session) {
        this.name = name;
        this.session = session;
        this.outbox = new Outbox(session.getAsyncRemote(), OUTBOX_LIMIT);
    }

    String name() {
        return name;
    }

    Outbox outbox() {
        return outbox;
    }

    /** Sends {@code event} to this member alone; a member too far behind is dropped instead. */
    void tell(ChatEvent event) {
        if (outbox.offer(event)) {
            outbox.flush();
        } else {
            dropAsTooSlow();
        }
    }

    /**
     * Closes the session of a member that stopped reading. Never waits: the close frame queues
     * behind the unread data, and Ferry's close timeout cuts the TCP connection if it stays stuck.
     */
    void dropAsTooSlow() {
        int waiting = outbox.queued();
        outbox.close();
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    "Too slow: " + waiting + " messages were waiting to be read"));
        } catch (IOException | IllegalStateException e) {
            // Already closed or closing: nothing more to do.
        }
    }

    @Override
    public String toString() {
        return name + " (" + session.getId() + ")";
    }
}
