package dev.ferry.handshake;

/**
 * Makes client-supplied text fit to quote in an error message: rejection messages go back to
 * the client and into logs, so hostile input must not get through long or with control
 * characters (log forging, response splitting).
 */
final class SafeText {

    /** Longest piece of client input an error message repeats. */
    static final int MAX_ECHO = 64;

    private SafeText() {
    }

    /** {@code text} quoted, control and non-ASCII characters replaced by '?', cut to {@link #MAX_ECHO}. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        boolean cut = text.length() > MAX_ECHO;
        String head = cut ? text.substring(0, MAX_ECHO) : text;
        StringBuilder out = new StringBuilder(head.length() + 5).append('"');
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        out.append('"');
        if (cut) {
            out.append("...");
        }
        return out.toString();
    }
}
