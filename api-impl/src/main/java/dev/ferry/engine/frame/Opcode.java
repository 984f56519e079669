package dev.ferry.engine.frame;

/** RFC 6455 section 5.2 frame opcodes as plain ints (the 4 low bits of the first header byte). */
public final class Opcode {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private Opcode() {
    }

    /** Control opcodes are those with the high bit of the nibble set (0x8-0xF, section 5.5). */
    public static boolean isControl(int op) {
        return (op & 0x8) != 0;
    }

    /** Whether {@code op} is one of the six opcodes RFC 6455 defines; all others are reserved. */
    public static boolean isKnown(int op) {
        switch (op) {
            case CONTINUATION:
            case TEXT:
            case BINARY:
            case CLOSE:
            case PING:
            case PONG:
                return true;
            default:
                return false;
        }
    }
}
