package dev.ferry.samples.chat;

import jakarta.websocket.Encoder;

/** Writes every {@link ChatEvent} as one JSON text message. */
public final class ChatEventEncoder implements Encoder.Text<ChatEvent> {

    @Override
    public String encode(ChatEvent event) {
        return FlatJson.write(event.fields());
    }
}
