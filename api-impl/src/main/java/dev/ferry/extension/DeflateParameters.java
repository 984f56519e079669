package dev.ferry.extension;

import dev.ferry.engine.deflate.PerMessageDeflate;
import dev.ferry.engine.deflate.ZlibPool;
import dev.ferry.handshake.FerryExtension;
import dev.ferry.handshake.FerryExtensionParameter;
import jakarta.websocket.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of permessage-deflate (RFC 7692 section 7.1) as agreed for one connection.
 *
 * @param serverNoContextTakeover the server resets its compressor after every message
 * @param clientNoContextTakeover the client resets its compressor after every message
 * @param serverMaxWindowBits     LZ77 window the server may compress with (8-15)
 * @param clientMaxWindowBits     LZ77 window the client may compress with (8-15)
 */
public record DeflateParameters(
        boolean serverNoContextTakeover,
        boolean clientNoContextTakeover,
        int serverMaxWindowBits,
        int clientMaxWindowBits) {

    public static final String NAME = "permessage-deflate";
    static final int MAX_WINDOW_BITS = 15;

    /**
     * The server's answer to one offer, or empty when the offer is malformed (unknown or repeated
     * parameter, window bits out of range): the server then declines it (RFC 7692 section 5).
     *
     * @param contextTakeover false when this server wants both sides to reset after each message,
     *                        so that an idle connection holds no compression state
     */
    public static Optional<DeflateParameters> accept(Extension offer, boolean contextTakeover) {
        boolean serverNoContext = !contextTakeover;
        boolean clientNoContext = !contextTakeover;
        int serverBits = MAX_WINDOW_BITS;
        int clientBits = MAX_WINDOW_BITS;
        List<String> seen = new ArrayList<>();
        for (Extension.Parameter p : offer.getParameters()) {
            String name = p.getName().toLowerCase(java.util.Locale.ROOT);
            if (seen.contains(name)) {
                return Optional.empty();
            }
            seen.add(name);
            String value = p.getValue();
            switch (name) {
                case "server_no_context_takeover" -> {
                    if (value != null) {
                        return Optional.empty();
                    }
                    serverNoContext = true;
                }
                case "client_no_context_takeover" -> {
                    if (value != null) {
                        return Optional.empty();
                    }
                    clientNoContext = true;
                }
                case "server_max_window_bits" -> {
                    serverBits = windowBits(value);
                    if (serverBits < 0) {
                        return Optional.empty();
                    }
                }
                case "client_max_window_bits" -> {
                    // Without a value the client only says it could honour a limit; we set none.
                    if (value != null && windowBits(value) < 0) {
                        return Optional.empty();
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new DeflateParameters(serverNoContext, clientNoContext, serverBits, clientBits));
    }

    /** What a client offers: any server parameters, and that it can limit its own window. */
    public static Extension clientOffer() {
        return new FerryExtension(NAME, List.of(new FerryExtensionParameter("client_max_window_bits", null)));
    }

    /**
     * The parameters a server's answer settles, or empty when the answer is malformed (unknown,
     * repeated or valueless parameters where a value is needed), which fails the connection.
     */
    public static Optional<DeflateParameters> fromResponse(Extension answer) {
        boolean serverNoContext = false;
        boolean clientNoContext = false;
        int serverBits = MAX_WINDOW_BITS;
        int clientBits = MAX_WINDOW_BITS;
        List<String> seen = new ArrayList<>();
        for (Extension.Parameter p : answer.getParameters()) {
            String name = p.getName().toLowerCase(java.util.Locale.ROOT);
            if (seen.contains(name)) {
                return Optional.empty();
            }
            seen.add(name);
            switch (name) {
                case "server_no_context_takeover" -> serverNoContext = true;
                case "client_no_context_takeover" -> clientNoContext = true;
                case "server_max_window_bits" -> serverBits = windowBits(p.getValue());
                // Without a value (a server echoing the offer) it limits nothing.
                case "client_max_window_bits" -> clientBits = p.getValue() == null ? MAX_WINDOW_BITS
                        : windowBits(p.getValue());
                default -> {
                    return Optional.empty();
                }
            }
            if (serverBits < 0 || clientBits < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new DeflateParameters(serverNoContext, clientNoContext, serverBits, clientBits));
    }

    private static int windowBits(String value) {
        if (value == null) {
            return -1;
        }
        String v = value.trim();
        if (v.length() > 2 || v.isEmpty() || !v.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int bits = Integer.parseInt(v);
        return bits >= 8 && bits <= MAX_WINDOW_BITS ? bits : -1;
    }

    /** The extension as the server's 101 answer states it. */
    public Extension toResponse() {
        List<Extension.Parameter> params = new ArrayList<>();
        if (serverNoContextTakeover) {
            params.add(new FerryExtensionParameter("server_no_context_takeover", null));
        }
        if (clientNoContextTakeover) {
            params.add(new FerryExtensionParameter("client_no_context_takeover", null));
        }
        if (serverMaxWindowBits < MAX_WINDOW_BITS) {
            params.add(new FerryExtensionParameter("server_max_window_bits", Integer.toString(serverMaxWindowBits)));
        }
        return new FerryExtension(NAME, params);
    }

    /**
     * Whether this side may compress what it sends. The JDK's deflater always uses a 15-bit
     * window; a peer that allows less gets this side's messages uncompressed, which the RFC
     * permits (compression is chosen per message).
     */
    public boolean canCompress(boolean server) {
        return (server ? serverMaxWindowBits : clientMaxWindowBits) == MAX_WINDOW_BITS;
    }

    /** permessage-deflate running with these parameters on one connection of this side. */
    public PerMessageDeflate start(boolean server, ZlibPool pool) {
        boolean peerResets = server ? clientNoContextTakeover : serverNoContextTakeover;
        boolean weReset = server ? serverNoContextTakeover : clientNoContextTakeover;
        return new PerMessageDeflate(peerResets, weReset, canCompress(server), pool);
    }
}
