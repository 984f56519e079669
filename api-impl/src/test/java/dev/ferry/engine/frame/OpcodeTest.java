package dev.ferry.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpcodeTest {

    @Test
    void constantsHaveRfcValues() {
        assertEquals(0, Opcode.CONTINUATION);
        assertEquals(1, Opcode.TEXT);
        assertEquals(2, Opcode.BINARY);
        assertEquals(8, Opcode.CLOSE);
        assertEquals(9, Opcode.PING);
        assertEquals(10, Opcode.PONG);
    }

    @Test
    void classifiesAllSixteenOpcodes() {
        StringBuilder known = new StringBuilder();
        StringBuilder control = new StringBuilder();
        for (int op = 0; op < 16; op++) {
            known.append(Opcode.isKnown(op) ? 'K' : '-');
            control.append(Opcode.isControl(op) ? 'C' : '-');
        }
        assertEquals("KKK-----KKK-----", known.toString());
        assertEquals("--------CCCCCCCC", control.toString());
    }
}
