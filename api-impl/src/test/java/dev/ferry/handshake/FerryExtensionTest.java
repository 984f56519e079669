package dev.ferry.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.websocket.Extension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FerryExtensionTest {

    @Test
    void isImmutableEvenIfTheGivenListChanges() {
        List<Extension.Parameter> parameters = new ArrayList<>(List.of(new FerryExtensionParameter("a", "1")));
        FerryExtension extension = new FerryExtension("x", parameters);
        parameters.add(new FerryExtensionParameter("b", "2"));
        assertEquals(1, extension.getParameters().size());
        assertThrows(UnsupportedOperationException.class,
                () -> extension.getParameters().add(new FerryExtensionParameter("c", null)));
    }

    @Test
    void equalityIsByNameAndParametersInOrder() {
        FerryExtension a = new FerryExtension("x", List.of(new FerryExtensionParameter("a", "1"), new FerryExtensionParameter("b", null)));
        FerryExtension same = new FerryExtension("x", List.of(new FerryExtensionParameter("a", "1"), new FerryExtensionParameter("b", null)));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new FerryExtension("y", a.getParameters()));
        assertNotEquals(a, new FerryExtension("x", List.of(new FerryExtensionParameter("b", null), new FerryExtensionParameter("a", "1"))));
        assertNotEquals(a, new FerryExtension("x", List.of(new FerryExtensionParameter("a", "2"), new FerryExtensionParameter("b", null))));
        assertNotEquals(a, new FerryExtension("x"));
    }

    @Test
    void copiesForeignImplementations() {
        Extension.Parameter foreignParameter = new Extension.Parameter() {
            @Override
            public String getName() {
                return "a";
            }

            @Override
            public String getValue() {
                return "1";
            }
        };
        Extension foreign = new Extension() {
            @Override
            public String getName() {
                return "x";
            }

            @Override
            public List<Extension.Parameter> getParameters() {
                return List.of(foreignParameter);
            }
        };
        assertEquals(new FerryExtension("x", List.of(new FerryExtensionParameter("a", "1"))), FerryExtension.copyOf(foreign));
        FerryExtension own = new FerryExtension("y");
        assertSame(own, FerryExtension.copyOf(own));
    }

    @Test
    void toStringIsTheHeaderForm() {
        assertEquals("x; a=1; b; c=\"d e\"", new FerryExtension("x", List.of(new FerryExtensionParameter("a", "1"),
                new FerryExtensionParameter("b", null), new FerryExtensionParameter("c", "d e"))).toString());
        assertEquals("a=1", new FerryExtensionParameter("a", "1").toString());
        assertEquals("b", new FerryExtensionParameter("b", null).toString());
    }

    @Test
    void namesAreRequired() {
        assertThrows(NullPointerException.class, () -> new FerryExtension(null));
        assertThrows(IllegalArgumentException.class, () -> new FerryExtension(""));
        assertThrows(NullPointerException.class, () -> new FerryExtensionParameter(null, "1"));
        assertThrows(IllegalArgumentException.class, () -> new FerryExtensionParameter("", "1"));
    }
}
