package dev.ferry.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A configured decoder to Reader is used for a Reader handler instead of the plain reader. */
class StreamDecoderPrecedenceTest {

    public static class ShoutingReaderDecoder implements Decoder.Text<Reader> {
        @Override
        public Reader decode(String s) {
            return new StringReader(s.toUpperCase());
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    private static String read(Reader reader) throws IOException {
        return new BufferedReader(reader).readLine();
    }

    @Test
    void readerHandlerGetsTheDecodersReader() throws Exception {
        EndpointConfig config = ServerEndpointConfig.Builder.create(Object.class, "/x")
                .decoders(List.of(ShoutingReaderDecoder.class)).build();
        MessageHandlerRegistry registry = new MessageHandlerRegistry(config, new DecoderSet(config.getDecoders(), config));
        AtomicReference<String> got = new AtomicReference<>();
        registry.add(Reader.class, (MessageHandler.Whole<Reader>) r -> {
            try {
                got.set(read(r));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        registry.textSink().onText("hello", true);
        assertEquals("HELLO", got.get());
    }

    @Test
    void withoutSuchADecoderTheReaderReadsTheMessage() throws Exception {
        EndpointConfig config = ServerEndpointConfig.Builder.create(Object.class, "/x").build();
        MessageHandlerRegistry registry = new MessageHandlerRegistry(config, new DecoderSet(config.getDecoders(), config));
        AtomicReference<String> got = new AtomicReference<>();
        registry.add(Reader.class, (MessageHandler.Whole<Reader>) r -> {
            try {
                got.set(read(r));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        registry.textSink().onText("hello", true);
        assertEquals("hello", got.get());
    }
}
