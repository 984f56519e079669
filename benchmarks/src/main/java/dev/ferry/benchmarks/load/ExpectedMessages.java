package dev.ferry.benchmarks.load;

/**
 * The data messages a connection must receive next, oldest first: a growing ring, so that many
 * messages can be in flight (pipelined) without allocating per message.
 */
final class ExpectedMessages {

    private byte[][] payloads = new byte[1][];
    private int[] opcodes = new int[1];
    private int head;
    private int size;

    void add(int opcode, byte[] payload) {
        if (size == payloads.length) {
            byte[][] grownPayloads = new byte[payloads.length * 2][];
            int[] grownOpcodes = new int[grownPayloads.length];
            for (int i = 0; i < size; i++) {
                grownPayloads[i] = payloads[(head + i) % payloads.length];
                grownOpcodes[i] = opcodes[(head + i) % payloads.length];
            }
            payloads = grownPayloads;
            opcodes = grownOpcodes;
            head = 0;
        }
        int tail = (head + size) % payloads.length;
        payloads[tail] = payload;
        opcodes[tail] = opcode;
        size++;
    }

    int size() {
        return size;
    }

    /** The oldest expected payload, or {@code null} if none is expected. */
    byte[] headPayload() {
        return size == 0 ? null : payloads[head];
    }

    int headOpcode() {
        return opcodes[head];
    }

    void removeHead() {
        payloads[head] = null;
        head = (head + 1) % payloads.length;
        size--;
    }
}
