package dev.ferry.samples.chat;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import java.util.Map;

/**
 * Reads a client's {@code {"type":"say","text":"..."}}. Anything else is a {@link DecodeException}
 * with a message fit to show the sender: Ferry hands it to the endpoint's {@code @OnError}.
 */
public final class ChatPostDecoder implements Decoder.Text<ChatPost> {

    @Override
    public ChatPost decode(String message) throws DecodeException {
        Map<String, Object> fields;
        try {
            fields = FlatJson.read(message);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(message, e.getMessage(), e);
        }
        if (!"say".equals(fields.get("type"))) {
            throw new DecodeException(message, "Unknown message type; send {\"type\":\"say\",\"text\":\"...\"}");
        }
        if (!(fields.get("text") instanceof String text) || text.isBlank()) {
            throw new DecodeException(message, "A message needs a non-empty \"text\"");
        }
        if (text.length() > ChatPost.MAX_TEXT_LENGTH) {
            throw new DecodeException(message, "Messages are limited to " + ChatPost.MAX_TEXT_LENGTH + " characters");
        }
        return new ChatPost(text.strip());
    }

    /** Every text message is offered to {@link #decode}, so that what is wrong can be told. */
    @Override
    public boolean willDecode(String message) {
        return true;
    }
}
