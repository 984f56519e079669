package dev.ferry.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.handshake.ExtensionHeader;
import jakarta.websocket.Extension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeflateParametersTest {

    private static Extension offer(String header) {
        return ExtensionHeader.parse(List.of(header)).get(0);
    }

    private static String answer(String offer, boolean contextTakeover) {
        return ExtensionHeader.format(List.of(DeflateParameters.accept(offer(offer), contextTakeover).orElseThrow()
                .toResponse()));
    }

    @Test
    void browsersOfferIsAcceptedWithoutParameters() {
        assertEquals("permessage-deflate", answer("permessage-deflate; client_max_window_bits", true));
    }

    @Test
    void withoutContextTakeoverBothSidesAreAskedToReset() {
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                answer("permessage-deflate", false));
    }

    @Test
    void clientsRequestsAreHonoured() {
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                answer("permessage-deflate; server_no_context_takeover; client_no_context_takeover", true));
    }

    @Test
    void aSmallServerWindowIsAcceptedButThisSideThenSendsUncompressed() {
        DeflateParameters p = DeflateParameters.accept(offer("permessage-deflate; server_max_window_bits=10"), true)
                .orElseThrow();
        assertEquals("permessage-deflate; server_max_window_bits=10", ExtensionHeader.format(List.of(p.toResponse())));
        assertFalse(p.canCompress(true));
        assertTrue(p.canCompress(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "permessage-deflate; x=1",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; client_max_window_bits=abc",
        "permessage-deflate; server_no_context_takeover=1"
    })
    void malformedOffersAreDeclined(String header) {
        assertEquals(Optional.empty(), DeflateParameters.accept(offer(header), true));
    }
}
