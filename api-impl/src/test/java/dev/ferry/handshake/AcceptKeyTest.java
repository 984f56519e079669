package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AcceptKeyTest {

    @Test
    void computesTheRfc6455Example() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", AcceptKey.compute("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void ignoresSurroundingWhitespaceOfTheHeaderValue() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", AcceptKey.compute("  dGhlIHNhbXBsZSBub25jZQ== "));
    }

    @Test
    void differentKeysGiveDifferentAnswers() {
        // Computed independently: printf '<key>258EAFA5-E914-47DA-95CA-C5AB0DC85B11' | openssl sha1 -binary | base64
        assertEquals("ICX+Yqv66kxgM0FcWaLWlFLwTAI=", AcceptKey.compute("AAAAAAAAAAAAAAAAAAAAAA=="));
    }
}
