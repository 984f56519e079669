package dev.ferry.samples.chat;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's queue of events to send. Callers never wait: {@link #offer} only queues, and
 * {@link #flush} starts sending unless a send is already under way. Events go out in queue order,
 * one asynchronous send at a time (the Jakarta API lets a container refuse a second one while the
 * first is pending). A client that stops reading fills the queue; {@link #offer} then says no and
 * the caller drops that client, so a stuck reader costs at most {@code limit} events of memory and
 * never holds up anyone else.
 */
final class Outbox {

    private final RemoteEndpoint.Async remote;
    private final int limit;

    private final ArrayDeque<ChatEvent> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(RemoteEndpoint.Async remote, int limit) {
        this.remote = remote;
        this.limit = limit;
    }

    /**
     * Queues {@code event} without sending it. Returns false when the queue is full, i.e. the
     * client has not read {@code limit} events; nothing is queued then. A closed outbox drops
     * events silently (its session is on its way out anyway).
     */
    synchronized boolean offer(ChatEvent event) {
        if (closed) {
            return true;
        }
        if (queue.size() >= limit) {
            return false;
        }
        queue.add(event);
        return true;
    }

    /** Sends what is queued, on this thread for as long as sends complete at once; returns early otherwise. */
    void flush() {
        synchronized (this) {
            if (sending || closed || queue.isEmpty()) {
                return;
            }
            sending = true;
        }
        drain();
    }

    /** Drops what is queued and refuses to send more. */
    synchronized void close() {
        closed = true;
        queue.clear();
    }

    synchronized int queued() {
        return queue.size();
    }

    private void drain() {
        while (true) {
            ChatEvent next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            Completion completion = new Completion();
            remote.sendObject(next, completion);
            if (completion.leftToCallback()) {
                return;
            }
        }
    }

    /**
     * Continues the drain after one send. If the send completed before {@code sendObject}
     * returned, the loop in {@link #drain} goes on (no recursion however many sends complete
     * synchronously); otherwise the completing thread goes on.
     */
    private final class Completion implements SendHandler {
        private static final int PENDING = 0;
        private static final int DONE_IN_CALL = 1;
        private static final int LEFT = 2;
        private final AtomicInteger state = new AtomicInteger(PENDING);

        @Override
        public void onResult(SendResult result) {
            if (!result.isOK()) {
                // The session is broken; its @OnClose takes it out of the room.
                close();
            }
            if (!state.compareAndSet(PENDING, DONE_IN_CALL)) {
                drain();
            }
        }

        boolean leftToCallback() {
            return state.compareAndSet(PENDING, LEFT);
        }
    }
}
