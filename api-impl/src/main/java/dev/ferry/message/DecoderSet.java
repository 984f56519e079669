package dev.ferry.message;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The decoder instances of one session, created from the endpoint configuration, and the rule that
 * picks one for a message: the first in configuration order whose type fits and that is willing
 * ({@code willDecode}; stream decoders are always willing). Primitives and their boxes fall back to
 * the built-in text conversions when no configured decoder takes them.
 */
public final class DecoderSet {

    private static final System.Logger LOG = System.getLogger(DecoderSet.class.getName());

    /** An initialised decoder and one form it implements, in configuration order. */
    private record Entry(Decoder decoder, CoderForm form, Class<?> target) {
    }

    private final List<Decoder> decoders = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    /**
     * Creates and initialises every decoder. Deployment has run {@link #validate}; should a
     * constructor or {@code init} still fail, the decoders already initialised are destroyed and
     * an {@link IllegalStateException} is thrown.
     */
    public DecoderSet(List<Class<? extends Decoder>> decoderClasses, EndpointConfig config) {
        try {
            for (Class<? extends Decoder> decoderClass : decoderClasses) {
                Decoder decoder = CoderClasses.instantiate(decoderClass);
                decoder.init(config);
                decoders.add(decoder);
                for (CoderShape shape : CoderClasses.shapes(decoderClass, CoderForm.DECODERS)) {
                    entries.add(new Entry(decoder, shape.form(), shape.target()));
                }
            }
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    /** A set without decoders: only the built-in conversions. */
    public static DecoderSet empty() {
        return new DecoderSet(List.of(), null);
    }

    /** Checks at deployment that every class can be created and says which type it decodes. */
    public static void validate(List<Class<? extends Decoder>> decoderClasses) throws DeploymentException {
        List<String> problems = problems(decoderClasses);
        if (!problems.isEmpty()) {
            throw new DeploymentException(String.join("\n", problems));
        }
    }

    /** The problems {@link #validate} would report, one line each, for callers collecting more. */
    public static List<String> problems(List<Class<? extends Decoder>> decoderClasses) {
        return CoderClasses.problems("Decoder", Decoder.class, decoderClasses, CoderForm.DECODERS);
    }

    /**
     * The message kinds for which some class in {@code decoderClasses} produces {@code type} (or a
     * subtype of it); used at deployment, before any decoder exists.
     */
    public static Set<MessageKind> decodedKinds(List<Class<? extends Decoder>> decoderClasses, Class<?> type) {
        Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
        for (Class<? extends Decoder> decoderClass : decoderClasses) {
            for (CoderShape shape : CoderClasses.shapes(decoderClass, CoderForm.DECODERS)) {
                if (fits(type, shape.target())) {
                    kinds.add(shape.form().kind());
                }
            }
        }
        return kinds;
    }

    /** The message kinds for which a decoder of this set produces {@code type} (or a subtype). */
    public Set<MessageKind> decodedKinds(Class<?> type) {
        Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
        for (Entry entry : entries) {
            if (fits(type, entry.target())) {
                kinds.add(entry.form().kind());
            }
        }
        return kinds;
    }

    /** Decodes a whole text message to {@code type}, falling back to the built-in primitive conversions. */
    @SuppressWarnings("unchecked")
    public Object decodeText(Class<?> type, String text) throws DecodeException, IOException {
        for (Entry entry : entries) {
            if (!fits(type, entry.target())) {
                continue;
            }
            if (entry.form() == CoderForm.DECODER_TEXT) {
                Decoder.Text<Object> decoder = (Decoder.Text<Object>) entry.decoder();
                if (decoder.willDecode(text)) {
                    return decoder.decode(text);
                }
            } else if (entry.form() == CoderForm.DECODER_TEXT_STREAM) {
                return ((Decoder.TextStream<Object>) entry.decoder()).decode(new StringReader(text));
            }
        }
        if (PrimitiveTypes.isPrimitiveOrBoxed(type)) {
            return PrimitiveTypes.fromText(text, type);
        }
        throw new DecodeException(text, "No decoder for " + type.getName() + " accepted the text message");
    }

    /**
     * Decodes a whole binary message to {@code type}. {@code willDecode} sees its own view of the
     * bytes, so a decoder that reads them there still gets all of them in {@code decode}.
     */
    @SuppressWarnings("unchecked")
    public Object decodeBinary(Class<?> type, ByteBuffer data) throws DecodeException, IOException {
        for (Entry entry : entries) {
            if (!fits(type, entry.target())) {
                continue;
            }
            if (entry.form() == CoderForm.DECODER_BINARY) {
                Decoder.Binary<Object> decoder = (Decoder.Binary<Object>) entry.decoder();
                if (decoder.willDecode(data.duplicate())) {
                    return decoder.decode(data.duplicate());
                }
            } else if (entry.form() == CoderForm.DECODER_BINARY_STREAM) {
                return ((Decoder.BinaryStream<Object>) entry.decoder())
                        .decode(new ByteBufferInputStream(data.duplicate()));
            }
        }
        throw new DecodeException(data, "No decoder for " + type.getName() + " accepted the binary message");
    }

    /** Calls {@code destroy} on every decoder; one failing does not keep the others from being destroyed. */
    public void destroy() {
        for (Decoder decoder : decoders) {
            try {
                decoder.destroy();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Decoder " + decoder.getClass().getName() + ".destroy() failed", e);
            }
        }
        decoders.clear();
        entries.clear();
    }

    /** A decoder producing {@code decoded} can feed a handler of {@code wanted}. */
    private static boolean fits(Class<?> wanted, Class<?> decoded) {
        return PrimitiveTypes.box(wanted).isAssignableFrom(decoded);
    }
}
