package dev.ferry.samples.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Session} with just what the chat uses: an async remote that records the events sent,
 * completing each send at once or, when {@link #holdSends} is on, only when the test says so.
 */
final class FakeSession {

    final List<ChatEvent> sent = new ArrayList<>();
    final ArrayDeque<SendHandler> pending = new ArrayDeque<>();
    final List<CloseReason> closes = new ArrayList<>();
    boolean holdSends;
    final Session session;

    FakeSession(String id) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendObject") && args.length == 2) {
                        synchronized (this) {
                            sent.add((ChatEvent) args[0]);
                            if (holdSends) {
                                pending.add((SendHandler) args[1]);
                                return null;
                            }
                        }
                        ((SendHandler) args[1]).onResult(new SendResult(session()));
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "getId" -> id;
                    case "close" -> {
                        synchronized (this) {
                            closes.add((CloseReason) args[0]);
                        }
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeSession " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Session session() {
        return session;
    }

    /** Completes the oldest held send; returns false when none is held. */
    boolean completeOne() {
        SendHandler handler;
        synchronized (this) {
            handler = pending.poll();
        }
        if (handler == null) {
            return false;
        }
        handler.onResult(new SendResult(session));
        return true;
    }

    synchronized List<ChatEvent> sent() {
        return List.copyOf(sent);
    }
}
