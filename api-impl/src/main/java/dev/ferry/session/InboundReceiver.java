package dev.ferry.session;

import dev.ferry.frame.CloseFrames;
import dev.ferry.message.BinarySink;
import dev.ferry.message.TextSink;
import java.nio.ByteBuffer;

/** What the {@link MessageAssembler} hands complete messages and control frames to. */
interface InboundReceiver {

    /** The sink for a text message that is starting, or {@code null} when nobody takes text. */
    TextSink textSink();

    /** The sink for a binary message that is starting, or {@code null} when nobody takes binary. */
    BinarySink binarySink();

    /** Bytes a whole text message may have before it is refused with 1009. */
    long maxTextMessageSize();

    /** Bytes a whole binary message may have before it is refused with 1009. */
    long maxBinaryMessageSize();

    void onPing(ByteBuffer payload);

    void onPong(ByteBuffer payload);

    void onCloseFrame(CloseFrames.CloseInfo close);

    /** A sink threw: the application failed to take a message; the connection goes on. */
    void onDeliveryFailure(Throwable failure);
}
