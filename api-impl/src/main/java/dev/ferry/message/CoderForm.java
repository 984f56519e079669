package dev.ferry.message;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import java.util.List;

/** The eight sub-interfaces through which a decoder or encoder says what it converts. */
enum CoderForm {
    DECODER_TEXT(Decoder.Text.class, MessageKind.TEXT),
    DECODER_TEXT_STREAM(Decoder.TextStream.class, MessageKind.TEXT),
    DECODER_BINARY(Decoder.Binary.class, MessageKind.BINARY),
    DECODER_BINARY_STREAM(Decoder.BinaryStream.class, MessageKind.BINARY),
    ENCODER_TEXT(Encoder.Text.class, MessageKind.TEXT),
    ENCODER_TEXT_STREAM(Encoder.TextStream.class, MessageKind.TEXT),
    ENCODER_BINARY(Encoder.Binary.class, MessageKind.BINARY),
    ENCODER_BINARY_STREAM(Encoder.BinaryStream.class, MessageKind.BINARY);

    static final List<CoderForm> DECODERS =
            List.of(DECODER_TEXT, DECODER_TEXT_STREAM, DECODER_BINARY, DECODER_BINARY_STREAM);
    static final List<CoderForm> ENCODERS =
            List.of(ENCODER_TEXT, ENCODER_TEXT_STREAM, ENCODER_BINARY, ENCODER_BINARY_STREAM);

    private final Class<?> apiInterface;
    private final MessageKind kind;

    CoderForm(Class<?> apiInterface, MessageKind kind) {
        this.apiInterface = apiInterface;
        this.kind = kind;
    }

    Class<?> apiInterface() {
        return apiInterface;
    }

    MessageKind kind() {
        return kind;
    }

    /** How users spell the interface, e.g. "Decoder.Text". */
    String displayName() {
        return apiInterface.getEnclosingClass().getSimpleName() + "." + apiInterface.getSimpleName();
    }
}
