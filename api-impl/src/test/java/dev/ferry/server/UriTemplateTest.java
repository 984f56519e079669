package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DeploymentException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriTemplateTest {

    @Test
    void describesItself() throws DeploymentException {
        UriTemplate template = new UriTemplate("/chat/{room}/members/{id}");
        assertEquals("/chat/{room}/members/{id}", template.template());
        assertEquals(4, template.segmentCount());
        assertTrue(template.hasVariables());
        assertEquals(List.of("room", "id"), List.copyOf(template.variableNames()));
        assertThrows(UnsupportedOperationException.class, () -> template.variableNames().add("x"));
    }

    @Test
    void theRootHasNoSegments() throws DeploymentException {
        UriTemplate root = new UriTemplate("/");
        assertEquals(0, root.segmentCount());
        assertFalse(root.hasVariables());
        assertEquals(Set.of(), root.variableNames());
        assertEquals(Map.of(), root.match("/"));
        assertNull(root.match("/a"));
        assertNull(root.match("//"));
    }

    @Test
    void aLiteralTemplateMatchesOnlyItself() throws DeploymentException {
        UriTemplate template = new UriTemplate("/a/b");
        assertEquals(Map.of(), template.match("/a/b"));
        assertNull(template.match("/a/B"));
        assertNull(template.match("/a"));
        assertNull(template.match("/a/b/c"));
        assertNull(template.match("a/b"));
        assertNull(template.match(""));
    }

    @Test
    void trailingSlashesAreStrict() throws DeploymentException {
        assertNull(new UriTemplate("/a").match("/a/"));
        assertNull(new UriTemplate("/a/{x}").match("/a/b/"));
        assertNull(new UriTemplate("/{x}").match("/a/"));
    }

    @Test
    void variablesMatchOneNonEmptySegmentEach() throws DeploymentException {
        UriTemplate template = new UriTemplate("/chat/{room}/members/{id}");
        Map<String, String> values = template.match("/chat/lobby/members/42");
        assertEquals(Map.of("room", "lobby", "id", "42"), values);
        assertEquals(List.of("room", "id"), List.copyOf(values.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> values.put("x", "y"));
        assertNull(template.match("/chat//members/42"));
        assertNull(template.match("/chat/a/b/members/42"));
        assertNull(template.match("/chat/lobby/member/42"));
    }

    @Test
    void variableValuesAreTakenVerbatim() throws DeploymentException {
        assertEquals(Map.of("x", "a%20b;c=d"), new UriTemplate("/p/{x}").match("/p/a%20b;c=d"));
    }

    @Test
    void variableNamesMayUseLettersDigitsAndUnderscoreDotDash() throws DeploymentException {
        UriTemplate template = new UriTemplate("/{a_b.c-D9}");
        assertEquals(Map.of("a_b.c-D9", "v"), template.match("/v"));
    }

    @Test
    void nullPathIsAProgrammingError() throws DeploymentException {
        UriTemplate template = new UriTemplate("/a");
        assertThrows(NullPointerException.class, () -> template.match(null));
    }

    @ParameterizedTest(name = "[{index}] template {0}")
    @CsvSource(delimiter = '|', value = {
        "a/b           | must start with '/'",
        "''            | must start with '/'",
        "/a/{x}b       | a variable must be a whole segment",
        "/a/b{x}       | a variable must be a whole segment",
        "/a/{x}{y}     | a variable must be a whole segment",
        "/a/{x         | a variable must be a whole segment",
        "/a/x}         | a variable must be a whole segment",
        "/a/{{x}}      | a variable must be a whole segment",
        "/a/{}         | a variable name must be",
        "/a/{x y}      | a variable name must be",
        "/a/{x/y}      | a variable must be a whole segment",
        "/{x}/{x}      | uses variable {x} twice",
        "/a/../b       | must not contain a '..' segment",
        "/a/./b        | must not contain a '.' segment",
        "/..           | must not contain a '..' segment",
        "/a//b         | must not contain an empty segment",
        "//            | must not contain an empty segment",
        "/a/           | must not contain an empty segment",
        "/a?b=1        | must not contain a query ('?') or a fragment ('#')",
        "/a#frag       | must not contain a query ('?') or a fragment ('#')",
    })
    void refusesBadTemplatesNamingTemplateAndRule(String template, String rule) {
        DeploymentException e = assertThrows(DeploymentException.class, () -> new UriTemplate(template));
        assertTrue(e.getMessage().contains("'" + template + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(DeploymentException.class, () -> new UriTemplate(null));
    }

    @Test
    void shapeForgetsVariableNames() throws DeploymentException {
        assertEquals(new UriTemplate("/a/{x}/c").shape(), new UriTemplate("/a/{y}/c").shape());
        assertFalse(new UriTemplate("/a/{x}").shape().equals(new UriTemplate("/a/x").shape()));
        assertEquals("/", new UriTemplate("/").shape());
    }

    @Test
    void equalityIsByTemplateText() throws DeploymentException {
        assertEquals(new UriTemplate("/a/{x}"), new UriTemplate("/a/{x}"));
        assertEquals(new UriTemplate("/a/{x}").hashCode(), new UriTemplate("/a/{x}").hashCode());
        assertFalse(new UriTemplate("/a/{x}").equals(new UriTemplate("/a/{y}")));
        assertEquals("/a/{x}", new UriTemplate("/a/{x}").toString());
    }
}
