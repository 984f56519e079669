package dev.ferry.engine;

import dev.ferry.engine.frame.CloseFrames;
import java.nio.ByteBuffer;

/**
 * What the {@link MessageAssembler} hands the connection itself: control frames, which the
 * connection answers, and the question whether messages still go to the session at all.
 */
interface ControlFrameListener {

    /** False once this side has closed: messages that still arrive are read and dropped. */
    boolean deliversMessages();

    void onPing(ByteBuffer payload);

    void onPong(ByteBuffer payload);

    void onCloseFrame(CloseFrames.CloseInfo close);
}
