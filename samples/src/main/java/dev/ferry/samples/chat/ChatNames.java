package dev.ferry.samples.chat;

import java.util.List;
import java.util.regex.Pattern;

/** What a user name and a room name may be. */
final class ChatNames {

    static final int MAX_USER_NAME = 24;
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private ChatNames() {
    }

    /**
     * The user name from the {@code name} query parameter values, stripped; null when there is
     * none or it is too long or holds control characters (it is shown to everyone).
     */
    static String userName(List<String> values) {
        if (values == null || values.size() != 1) {
            return null;
        }
        String name = values.get(0).strip();
        int length = name.codePointCount(0, name.length());
        if (length == 0 || length > MAX_USER_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            return null;
        }
        return name;
    }

    /** Room names also appear in URLs: a small safe alphabet keeps them readable there. */
    static boolean isRoomName(String room) {
        return room != null && ROOM.matcher(room).matches();
    }
}
