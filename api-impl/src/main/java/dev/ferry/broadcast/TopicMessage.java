package dev.ferry.broadcast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One message of a topic as a {@link TopicListener} sees it. */
public final class TopicMessage {

    private final String topic;
    private final boolean text;
    private final ByteBuffer payload;
    private final boolean fromAnotherNode;

    TopicMessage(String topic, boolean text, ByteBuffer payload, boolean fromAnotherNode) {
        this.topic = topic;
        this.text = text;
        this.payload = payload;
        this.fromAnotherNode = fromAnotherNode;
    }

    public String topic() {
        return topic;
    }

    public boolean isText() {
        return text;
    }

    /** @throws IllegalStateException for a binary message */
    public String text() {
        if (!text) {
            throw new IllegalStateException("A binary message of topic " + topic + " has no text");
        }
        return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    }

    /** The message's bytes (UTF-8 for text), read-only. */
    public ByteBuffer payload() {
        return payload.asReadOnlyBuffer();
    }

    /** Whether another node published it (it came through the relay). */
    public boolean isFromAnotherNode() {
        return fromAnotherNode;
    }

    @Override
    public String toString() {
        return (text ? "text" : "binary") + " message of " + payload.remaining() + " bytes on " + topic
                + (fromAnotherNode ? " from another node" : "");
    }
}
