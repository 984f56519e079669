package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.handshake.FerryExtension;
import dev.ferry.handshake.FerryExtensionParameter;
import dev.ferry.handshake.FerryHandshakeResponse;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FerryDefaultConfiguratorTest {

    private final FerryDefaultConfigurator configurator = new FerryDefaultConfigurator();

    @Test
    void isTheContainerDefaultTheApiFinds() {
        // The API's base Configurator loads the container default through ServiceLoader.
        ServerEndpointConfig.Configurator applicationConfigurator = new ServerEndpointConfig.Configurator();
        assertInstanceOf(FerryDefaultConfigurator.class, applicationConfigurator.getContainerDefaultConfigurator());
        assertEquals("b", applicationConfigurator.getNegotiatedSubprotocol(List.of("b"), List.of("a", "b")));
        assertTrue(applicationConfigurator.checkOrigin("http://anywhere.example"));
        assertSame(configurator, configurator.getContainerDefaultConfigurator());
    }

    @Test
    void subprotocolIsTheClientsFirstSupportedChoice() {
        assertEquals("base64", configurator.getNegotiatedSubprotocol(List.of("base64"), List.of("binary", "base64")));
        assertEquals("binary", configurator.getNegotiatedSubprotocol(List.of("binary", "base64"), List.of("binary", "base64")));
        assertEquals("binary", configurator.getNegotiatedSubprotocol(List.of("base64", "binary"), List.of("binary", "base64")));
    }

    @Test
    void noCommonSubprotocolIsTheEmptyString() {
        assertEquals("", configurator.getNegotiatedSubprotocol(List.of("json"), List.of("binary", "base64")));
        assertEquals("", configurator.getNegotiatedSubprotocol(List.of(), List.of("binary")));
        assertEquals("", configurator.getNegotiatedSubprotocol(List.of("binary"), List.of()));
        assertEquals("", configurator.getNegotiatedSubprotocol(List.of("Binary"), List.of("binary")));
    }

    @Test
    void extensionsAreTheRequestedInstalledOnesInRequestOrderOncePerName() {
        Extension deflateWithBits = new FerryExtension("permessage-deflate",
                List.of(new FerryExtensionParameter("client_max_window_bits", "10")));
        Extension deflatePlain = new FerryExtension("permessage-deflate");
        Extension foo = new FerryExtension("x-foo", List.of(new FerryExtensionParameter("a", "1")));
        Extension unknown = new FerryExtension("x-unknown");
        List<Extension> installed = List.of(new FerryExtension("x-foo"), new FerryExtension("permessage-deflate"));

        List<Extension> negotiated = configurator.getNegotiatedExtensions(installed,
                List.of(unknown, deflateWithBits, foo, deflatePlain));

        assertEquals(List.of(deflateWithBits, foo), negotiated);
    }

    @Test
    void noCommonExtensionIsTheEmptyList() {
        assertEquals(List.of(), configurator.getNegotiatedExtensions(List.of(), List.of(new FerryExtension("x"))));
        assertEquals(List.of(), configurator.getNegotiatedExtensions(List.of(new FerryExtension("x")), List.of()));
    }

    @Test
    void acceptsEveryOrigin() {
        assertTrue(configurator.checkOrigin("https://evil.example"));
        assertTrue(configurator.checkOrigin(null));
    }

    @Test
    void modifyHandshakeChangesNothing() {
        FerryHandshakeResponse response = new FerryHandshakeResponse(Map.of("X", List.of("1")));
        configurator.modifyHandshake(null, null, response);
        assertEquals(Map.of("X", List.of("1")), Map.copyOf(response.getHeaders()));
    }

    public static class PlainEndpoint {
    }

    public static class ThrowingEndpoint {
        public ThrowingEndpoint() {
            throw new IllegalStateException("boom");
        }
    }

    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String required) {
        }
    }

    public abstract static class AbstractEndpoint {
    }

    public static class PrivateConstructor {
        private PrivateConstructor() {
        }
    }

    @Test
    void makesANewInstanceEachTime() throws InstantiationException {
        PlainEndpoint first = configurator.getEndpointInstance(PlainEndpoint.class);
        PlainEndpoint second = configurator.getEndpointInstance(PlainEndpoint.class);
        assertInstanceOf(PlainEndpoint.class, first);
        assertNotSame(first, second);
    }

    @Test
    void aThrowingConstructorIsWrappedWithItsCause() {
        InstantiationException e = assertThrows(InstantiationException.class,
                () -> configurator.getEndpointInstance(ThrowingEndpoint.class));
        assertTrue(e.getMessage().contains(ThrowingEndpoint.class.getName()), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("boom", e.getCause().getMessage());
    }

    @Test
    void classesWithoutAPublicNoArgumentConstructorFailNamingTheClass() {
        for (Class<?> type : List.of(NoDefaultConstructor.class, AbstractEndpoint.class, PrivateConstructor.class,
                Runnable.class)) {
            InstantiationException e = assertThrows(InstantiationException.class,
                    () -> configurator.getEndpointInstance(type), type.getName());
            assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
            assertTrue(e.getCause() != null, "cause kept for " + type.getName());
        }
    }
}
