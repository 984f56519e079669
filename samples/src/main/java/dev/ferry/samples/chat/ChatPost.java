package dev.ferry.samples.chat;

/** What a client sends: {@code {"type":"say","text":"..."}}, the text already checked. */
public record ChatPost(String text) {

    /** Longer texts are refused: they would only flood everyone's screen. */
    public static final int MAX_TEXT_LENGTH = 2000;
}
