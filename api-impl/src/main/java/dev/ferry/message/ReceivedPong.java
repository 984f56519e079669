package dev.ferry.message;

import jakarta.websocket.PongMessage;
import java.nio.ByteBuffer;

/** The {@link PongMessage} handed to pong handlers. */
record ReceivedPong(ByteBuffer applicationData) implements PongMessage {

    @Override
    public ByteBuffer getApplicationData() {
        return applicationData;
    }
}
