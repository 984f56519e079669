package dev.ferry.samples.chat;

import dev.ferry.broadcast.Topics;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Extension;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A chat room per path, {@code /chat/{room}?name=alice}. On joining, a client gets a welcome,
 * the room's last {@value ChatRoom#HISTORY} messages and then everything said in the room, with
 * join and leave notices and the online count after every change. Messages are JSON objects
 * (see {@link ChatEvent} and {@link ChatPost}). Rooms are Ferry topics: with a relay (Redis),
 * every node serving this endpoint shares them.
 */
@ServerEndpoint(value = "/chat/{room}",
        encoders = ChatEventEncoder.class,
        decoders = ChatPostDecoder.class,
        configurator = ChatConfigurator.class)
public class ChatEndpoint {

    /**
     * A session that neither sends nor receives for this long is closed (1001). Proxies in front
     * must wait longer before they cut an idle connection (see samples/nginx/ferry-chat.conf).
     */
    public static final long IDLE_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(10);

    /** Room for a {@value ChatPost#MAX_TEXT_LENGTH}-character text of 4-byte characters, escaped. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;

    private final ChatRooms rooms;
    private ChatRoom room;
    private ChatMember member;

    ChatEndpoint(ChatRooms rooms) {
        this.rooms = rooms;
    }

    @OnOpen
    public void open(Session session, @PathParam("room") String roomName) throws IOException {
        String name = ChatNames.userName(session.getRequestParameterMap().get("name"));
        if (name == null) {
            refuse(session, CloseReason.CloseCodes.VIOLATED_POLICY,
                    "Choose a name: ?name= with 1 to " + ChatNames.MAX_USER_NAME + " characters");
            return;
        }
        if (!ChatNames.isRoomName(roomName)) {
            refuse(session, CloseReason.CloseCodes.VIOLATED_POLICY,
                    "Room names are 1 to 32 letters, digits, '.', '_' or '-'");
            return;
        }
        Topics topics = Topics.of(session);
        ChatRoom chosen = rooms.room(roomName, topics);
        if (chosen == null) {
            refuse(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too many rooms");
            return;
        }
        session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        room = chosen;
        member = new ChatMember(name, rooms.node() + ":" + session.getId(), session);
        room.join(member, new ChatEvent.Welcome(name, roomName, extensionNames(session), topics.nodeName()));
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void post(ChatPost post) {
        if (member != null) {
            room.say(member, post.text());
        }
    }

    @OnClose
    public void close() {
        if (member != null) {
            room.leave(member);
        }
    }

    /** A message that does not decode is refused with a note to its sender; the session stays. */
    @OnError
    public void error(Throwable failure) {
        if (failure instanceof DecodeException && member != null) {
            member.tell(new ChatEvent.Problem(failure.getMessage()));
        }
    }

    private static void refuse(Session session, CloseReason.CloseCode code, String reason) throws IOException {
        session.close(new CloseReason(code, reason));
    }

    /** The extensions as this server's session agreed them: what the test checks, not what the browser claims. */
    private static String extensionNames(Session session) {
        return session.getNegotiatedExtensions().stream().map(Extension::getName).collect(Collectors.joining(","));
    }
}
