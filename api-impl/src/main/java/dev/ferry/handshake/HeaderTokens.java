package dev.ferry.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP list headers ({@code Connection}, {@code Upgrade}, {@code Sec-WebSocket-Protocol}):
 * a header may hold a comma-separated list and may also be sent on several lines, which HTTP
 * defines to mean the same as one line joined with commas.
 */
public final class HeaderTokens {

    private HeaderTokens() {
    }

    /**
     * The comma-separated tokens of all given header lines, in order, trimmed, with empty
     * elements dropped (HTTP asks recipients to ignore them). A {@code null} list or line counts
     * as empty.
     */
    public static List<String> split(List<String> headerValues) {
        List<String> tokens = new ArrayList<>();
        if (headerValues == null) {
            return tokens;
        }
        for (String line : headerValues) {
            if (line == null) {
                continue;
            }
            for (String element : line.split(",")) {
                String token = element.trim();
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** Whether any of the header lines lists {@code token}, compared case-insensitively. */
    public static boolean contains(List<String> values, String token) {
        String wanted = token.trim().toLowerCase(Locale.ROOT);
        for (String candidate : split(values)) {
            if (candidate.toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
