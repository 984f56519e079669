package dev.ferry.message;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoder instances of one session and the rule behind {@code RemoteEndpoint.sendObject}: the
 * configured encoder for the most specific type the object is an instance of (configuration order
 * breaks ties), then the built-in conversions (String and primitives as text, ByteBuffer and
 * byte[] as binary).
 */
public final class EncoderSet {

    private static final System.Logger LOG = System.getLogger(EncoderSet.class.getName());

    /** An encoded message: exactly one of the two is non-null. */
    public record Encoded(String text, ByteBuffer binary) {
        public Encoded {
            if ((text == null) == (binary == null)) {
                throw new IllegalArgumentException("Exactly one of text and binary must be set");
            }
        }

        public static Encoded ofText(String text) {
            return new Encoded(text, null);
        }

        public static Encoded ofBinary(ByteBuffer binary) {
            return new Encoded(null, binary);
        }

        public boolean isText() {
            return text != null;
        }
    }

    /** An initialised encoder and one form it implements, in configuration order. */
    private record Entry(Encoder encoder, CoderForm form, Class<?> target) {
    }

    private final List<Encoder> encoders = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    /**
     * Creates and initialises every encoder. Deployment has run {@link #validate}; should a
     * constructor or {@code init} still fail, the encoders already initialised are destroyed and
     * an {@link IllegalStateException} is thrown.
     */
    public EncoderSet(List<Class<? extends Encoder>> encoderClasses, EndpointConfig config) {
        try {
            for (Class<? extends Encoder> encoderClass : encoderClasses) {
                Encoder encoder = CoderClasses.instantiate(encoderClass);
                encoder.init(config);
                encoders.add(encoder);
                for (CoderShape shape : CoderClasses.shapes(encoderClass, CoderForm.ENCODERS)) {
                    entries.add(new Entry(encoder, shape.form(), shape.target()));
                }
            }
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    /** A set without encoders: only the built-in conversions. */
    public static EncoderSet empty() {
        return new EncoderSet(List.of(), null);
    }

    /** Checks at deployment that every class can be created and says which type it encodes. */
    public static void validate(List<Class<? extends Encoder>> encoderClasses) throws DeploymentException {
        List<String> problems = problems(encoderClasses);
        if (!problems.isEmpty()) {
            throw new DeploymentException(String.join("\n", problems));
        }
    }

    /** The problems {@link #validate} would report, one line each, for callers collecting more. */
    public static List<String> problems(List<Class<? extends Encoder>> encoderClasses) {
        return CoderClasses.problems("Encoder", Encoder.class, encoderClasses, CoderForm.ENCODERS);
    }

    /** Whether every instance of {@code type} can be sent: built in, or a configured encoder covers it. */
    public static boolean canEncode(List<Class<? extends Encoder>> encoderClasses, Class<?> type) {
        if (isBuiltIn(type)) {
            return true;
        }
        for (Class<? extends Encoder> encoderClass : encoderClasses) {
            for (CoderShape shape : CoderClasses.shapes(encoderClass, CoderForm.ENCODERS)) {
                if (shape.target().isAssignableFrom(type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Encodes an object as {@code sendObject} sends it. */
    public Encoded encode(Object object) throws EncodeException, IOException {
        if (object == null) {
            throw new IllegalArgumentException("Cannot send a null object");
        }
        Entry entry = mostSpecificFor(object.getClass());
        if (entry != null) {
            Encoded encoded = encodeWith(entry, object);
            if (encoded == null) {
                throw new EncodeException(object, "Encoder " + entry.encoder().getClass().getName() + " returned null");
            }
            return encoded;
        }
        if (object instanceof String text) {
            return Encoded.ofText(text);
        } else if (PrimitiveTypes.isPrimitiveOrBoxed(object.getClass())) {
            return Encoded.ofText(String.valueOf(object));
        } else if (object instanceof ByteBuffer buffer) {
            return Encoded.ofBinary(buffer);
        } else if (object instanceof byte[] bytes) {
            return Encoded.ofBinary(ByteBuffer.wrap(bytes));
        }
        throw new EncodeException(object, "No encoder for class " + object.getClass().getName()
                + "; configure one in the endpoint's encoders");
    }

    /**
     * Runs the encoder. An unchecked exception from it becomes an {@link EncodeException}, so a
     * failing encoder fails the send (the future, the handler, or the blocking call) instead of
     * escaping from {@code sendObject} on whichever thread called it.
     */
    @SuppressWarnings("unchecked")
    private static Encoded encodeWith(Entry entry, Object object) throws EncodeException, IOException {
        try {
            return switch (entry.form()) {
                case ENCODER_TEXT -> textOrNull(((Encoder.Text<Object>) entry.encoder()).encode(object));
                case ENCODER_TEXT_STREAM -> {
                    StringWriter writer = new StringWriter();
                    ((Encoder.TextStream<Object>) entry.encoder()).encode(object, writer);
                    yield Encoded.ofText(writer.toString());
                }
                case ENCODER_BINARY -> binaryOrNull(((Encoder.Binary<Object>) entry.encoder()).encode(object));
                case ENCODER_BINARY_STREAM -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ((Encoder.BinaryStream<Object>) entry.encoder()).encode(object, out);
                    yield Encoded.ofBinary(ByteBuffer.wrap(out.toByteArray()));
                }
                default -> throw new IllegalStateException("Not an encoder form: " + entry.form());
            };
        } catch (RuntimeException e) {
            throw new EncodeException(object, "Encoder " + entry.encoder().getClass().getName() + " failed: " + e, e);
        }
    }

    /** Calls {@code destroy} on every encoder; one failing does not keep the others from being destroyed. */
    public void destroy() {
        for (Encoder encoder : encoders) {
            try {
                encoder.destroy();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Encoder " + encoder.getClass().getName() + ".destroy() failed", e);
            }
        }
        encoders.clear();
        entries.clear();
    }

    /** The entry whose type is the most specific supertype of {@code type}; the first one among equals. */
    private Entry mostSpecificFor(Class<?> type) {
        Entry best = null;
        for (Entry entry : entries) {
            if (!entry.target().isAssignableFrom(type)) {
                continue;
            }
            if (best == null || (best.target() != entry.target() && best.target().isAssignableFrom(entry.target()))) {
                best = entry;
            }
        }
        return best;
    }

    private static boolean isBuiltIn(Class<?> type) {
        return type == String.class || PrimitiveTypes.isPrimitiveOrBoxed(type)
                || ByteBuffer.class.isAssignableFrom(type) || type == byte[].class;
    }

    private static Encoded textOrNull(String text) {
        return text == null ? null : Encoded.ofText(text);
    }

    private static Encoded binaryOrNull(ByteBuffer binary) {
        return binary == null ? null : Encoded.ofBinary(binary);
    }
}
