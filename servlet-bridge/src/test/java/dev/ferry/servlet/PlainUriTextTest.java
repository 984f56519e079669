package dev.ferry.servlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which request paths and queries become a handshake's URI text as they are. */
class PlainUriTextTest {

    @Test
    void usualPathsAndQueriesAreTakenAsTheyAre() {
        assertTrue(ServletUpgradeRequest.isPlainUriText("/chat/lobby"));
        assertTrue(ServletUpgradeRequest.isPlainUriText("/chat/room-1?user=ann&token=a.b_c~d%20e"));
        assertTrue(ServletUpgradeRequest.isPlainUriText("/a;b=c/d:e@f?x=(1)*2+3,4!$'"));
    }

    @Test
    void whatAUriMayNotHoldRawGoesTheLongWay() {
        for (String text : new String[] {"/a b", "/a?x=[1]", "/a?q=\"x\"", "/a?%zz", "/a?%2", "/a?%", "/caf\u00e9",
            "/a?x=<y>", "/a?x={y}", "/a|b", "/a\\b", "/a^b", "/a`b", "/a#b", "/a?x=\u0661\u0662", "/a%\u0661\u0662"}) {
            assertFalse(ServletUpgradeRequest.isPlainUriText(text), text);
        }
    }

    @Test
    void everyTextTakenAsItIsParsesToTheSameText() {
        String alphabet = "aZ09-._~!$&'()*+,;=:@/?%fG []\"#<>{}|\\^`\u00e9";
        Random random = new Random(42);
        int accepted = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder("/");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (ServletUpgradeRequest.isPlainUriText(text.toString())) {
                accepted++;
                String uri = "ws://localhost:8080" + text;
                assertEquals(uri, assertDoesNotThrow(() -> new URI(uri), uri).toString());
            }
        }
        assertTrue(accepted > 1_000, "the generator made plain texts too: " + accepted);
    }
}
