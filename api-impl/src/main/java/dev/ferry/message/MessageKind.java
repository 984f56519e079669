package dev.ferry.message;

/** The native WebSocket message types; a session has at most one message handler for each. */
public enum MessageKind {
    TEXT("text"),
    BINARY("binary"),
    PONG("pong");

    private final String label;

    MessageKind(String label) {
        this.label = label;
    }

    /** The lower-case word used in user-facing messages. */
    public String label() {
        return label;
    }
}
