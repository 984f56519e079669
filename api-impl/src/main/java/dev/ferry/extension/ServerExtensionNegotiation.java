package dev.ferry.extension;

import dev.ferry.extension.DeflateParameters;
import jakarta.websocket.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the extensions a configurator chose into what the server answers and runs.
 *
 * <p>The configurator picks by name (the default picks the client's offers that are installed);
 * for an extension Ferry implements, the answer is then worked out from the client's offers of
 * that name, the first acceptable one winning, since an offer's parameters are not an answer's
 * (RFC 7692 section 5). Extensions Ferry does not implement are answered as chosen.
 */
public final class ServerExtensionNegotiation {

    /**
     * @param agreed  the extensions as the 101 answer states them, in order
     * @param deflate permessage-deflate's agreed parameters, or {@code null} when not agreed
     */
    public record Result(List<Extension> agreed, DeflateParameters deflate) {
        public static final Result NONE = new Result(List.of(), null);
    }

    private ServerExtensionNegotiation() {
    }

    /**
     * @param deflateEnabled         whether this endpoint may use permessage-deflate at all
     * @param deflateContextTakeover false to ask both sides to compress each message afresh
     */
    public static Result negotiate(List<Extension> chosen, List<Extension> offered, boolean deflateEnabled,
            boolean deflateContextTakeover) {
        List<Extension> agreed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        DeflateParameters deflate = null;
        for (Extension extension : chosen) {
            String name = extension.getName();
            if (names.contains(name)) {
                continue;
            }
            if (DeflateParameters.NAME.equals(name)) {
                if (!deflateEnabled) {
                    continue;
                }
                Optional<DeflateParameters> accepted = firstAcceptable(offered, deflateContextTakeover);
                if (accepted.isEmpty()) {
                    continue;
                }
                deflate = accepted.get();
                agreed.add(deflate.toResponse());
            } else {
                agreed.add(extension);
            }
            names.add(name);
        }
        return new Result(List.copyOf(agreed), deflate);
    }

    private static Optional<DeflateParameters> firstAcceptable(List<Extension> offered, boolean contextTakeover) {
        for (Extension offer : offered) {
            if (DeflateParameters.NAME.equals(offer.getName())) {
                Optional<DeflateParameters> accepted = DeflateParameters.accept(offer, contextTakeover);
                if (accepted.isPresent()) {
                    return accepted;
                }
            }
        }
        return Optional.empty();
    }
}
