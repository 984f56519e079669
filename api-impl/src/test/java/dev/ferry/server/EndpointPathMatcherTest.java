package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DeploymentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EndpointPathMatcherTest {

    private static EndpointPathMatcher<String> matcherOf(String... templates) throws DeploymentException {
        EndpointPathMatcher<String> matcher = new EndpointPathMatcher<>();
        for (String template : templates) {
            matcher.add(template, "endpoint " + template);
        }
        return matcher;
    }

    /** The template that {@code path} goes to, or null. */
    private static String winner(EndpointPathMatcher<String> matcher, String path) {
        EndpointPathMatcher.Match<String> match = matcher.match(path);
        if (match == null) {
            return null;
        }
        assertEquals("endpoint " + match.template(), match.value(), "value belongs to its template");
        return match.template();
    }

    @Test
    void emptyUntilSomethingIsAdded() throws DeploymentException {
        EndpointPathMatcher<String> matcher = new EndpointPathMatcher<>();
        assertTrue(matcher.isEmpty());
        assertNull(matcher.match("/"));
        matcher.add("/", "root");
        assertFalse(matcher.isEmpty());
        assertEquals(new EndpointPathMatcher.Match<>("root", "/", Map.of()), matcher.match("/"));
    }

    @Test
    void returnsValueTemplateAndPathParameters() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/chat/{room}/user/{id}");
        EndpointPathMatcher.Match<String> match = matcher.match("/chat/lobby/user/7");
        assertNotNull(match);
        assertEquals("endpoint /chat/{room}/user/{id}", match.value());
        assertEquals("/chat/{room}/user/{id}", match.template());
        assertEquals(Map.of("room", "lobby", "id", "7"), match.pathParameters());
        assertEquals(List.of("room", "id"), List.copyOf(match.pathParameters().keySet()));
    }

    @Test
    void anExactPathBeatsATemplate() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a/{x}", "/a/b");
        assertEquals("/a/b", winner(matcher, "/a/b"));
        assertEquals(Map.of(), matcher.match("/a/b").pathParameters());
        assertEquals("/a/{x}", winner(matcher, "/a/c"));
    }

    @Test
    void anExactPathWinsRegardlessOfAddOrder() throws DeploymentException {
        assertEquals("/a/b", winner(matcherOf("/a/b", "/a/{x}"), "/a/b"));
        assertEquals("/a/b", winner(matcherOf("/a/{x}", "/a/b"), "/a/b"));
    }

    @Test
    void theLeftmostLiteralWins() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a/{x}/c", "/a/b/{y}");
        assertEquals("/a/b/{y}", winner(matcher, "/a/b/c"));
        assertEquals(Map.of("y", "c"), matcher.match("/a/b/c").pathParameters());
        assertEquals("/a/{x}/c", winner(matcher, "/a/z/c"));
        assertEquals("/a/b/{y}", winner(matcher, "/a/b/z"));
        assertNull(winner(matcher, "/a/z/z"));
    }

    @Test
    void theSpecificationsExampleOrder() throws DeploymentException {
        // §3.1.1 ordering for /a/b/c: exact first, then by the leftmost literal, so the list below is strictly
        // decreasing in precedence; deploying any tail of it must pick that tail's head.
        List<String> byPrecedence = List.of("/a/b/c", "/a/b/{v}", "/a/{v}/c", "/a/{v1}/{v2}",
                "/{v}/b/c", "/{v1}/b/{v2}", "/{v1}/{v2}/c", "/{v1}/{v2}/{v3}");
        for (int first = 0; first < byPrecedence.size(); first++) {
            List<String> deployed = new ArrayList<>(byPrecedence.subList(first, byPrecedence.size()));
            java.util.Collections.reverse(deployed); // add order must not matter
            assertEquals(byPrecedence.get(first), winner(matcherOf(deployed.toArray(String[]::new)), "/a/b/c"));
        }
    }

    @Test
    void backtracksWhenAnEarlierLiteralLeadsNowhere() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a/b/c", "/{x}/b/d");
        assertEquals("/{x}/b/d", winner(matcher, "/a/b/d"));
        assertEquals(Map.of("x", "a"), matcher.match("/a/b/d").pathParameters());
    }

    @Test
    void onlyTemplatesWithTheSameSegmentCountMatch() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a", "/a/{x}", "/a/{x}/{y}");
        assertEquals("/a", winner(matcher, "/a"));
        assertEquals("/a/{x}", winner(matcher, "/a/1"));
        assertEquals("/a/{x}/{y}", winner(matcher, "/a/1/2"));
        assertNull(winner(matcher, "/a/1/2/3"));
        assertNull(winner(matcher, "/b"));
    }

    @Test
    void variablesNeverMatchEmptySegmentsNorTrailingSlashes() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a", "/a/{x}", "/{x}");
        assertNull(winner(matcher, "/a/"));
        assertNull(winner(matcher, "//"));
        assertNull(winner(matcher, "/"));
        assertEquals("/{x}", winner(matcher, "/b"));
    }

    @Test
    void pathsNotStartingWithSlashMatchNothing() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/{x}");
        assertNull(matcher.match("a"));
        assertNull(matcher.match(""));
    }

    @Test
    void theSameTemplateTwiceClashes() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a/{x}");
        DeploymentException e = assertThrows(DeploymentException.class, () -> matcher.add("/a/{x}", "again"));
        assertTrue(e.getMessage().contains("'/a/{x}'"), e.getMessage());
        assertEquals("endpoint /a/{x}", matcher.match("/a/1").value(), "the first deployment stays");
    }

    @Test
    void templatesDifferingOnlyInVariableNamesClashNamingBoth() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a/{x}/c");
        DeploymentException e = assertThrows(DeploymentException.class, () -> matcher.add("/a/{y}/c", "other"));
        assertTrue(e.getMessage().contains("'/a/{y}/c'") && e.getMessage().contains("'/a/{x}/c'"), e.getMessage());
        assertEquals("/a/{x}/c", winner(matcher, "/a/b/c"));
    }

    @Test
    void literalAndVariableAtTheSamePlaceDoNotClash() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/a/{x}", "/a/x", "/{x}/x", "/{x}/{y}");
        assertEquals("/a/x", winner(matcher, "/a/x"));
        assertEquals("/{x}/x", winner(matcher, "/b/x"));
        assertEquals("/{x}/{y}", winner(matcher, "/b/y"));
    }

    @Test
    void anInvalidTemplateIsRefusedAndAddsNothing() {
        EndpointPathMatcher<String> matcher = new EndpointPathMatcher<>();
        assertThrows(DeploymentException.class, () -> matcher.add("no-slash", "v"));
        assertThrows(DeploymentException.class, () -> matcher.add("/a/{x}b", "v"));
        assertTrue(matcher.isEmpty());
    }

    @Test
    void aNullValueIsRefused() {
        assertThrows(NullPointerException.class, () -> new EndpointPathMatcher<String>().add("/a", null));
    }

    @Test
    void aLongHostilePathCostsNothingSpecial() throws DeploymentException {
        EndpointPathMatcher<String> matcher = matcherOf("/{a}/{b}", "/x/{b}");
        assertNull(matcher.match("/x" + "/x".repeat(100_000)));
    }

    @Test
    void matchesConcurrentlyWhileTemplatesAreAdded() throws Exception {
        EndpointPathMatcher<String> matcher = matcherOf("/stable/{x}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        EndpointPathMatcher.Match<String> match = matcher.match("/stable/" + i);
                        assertNotNull(match);
                        assertEquals(Map.of("x", Integer.toString(i)), match.pathParameters());
                    }
                    return null;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int i = 0; i < 300; i++) {
                    matcher.add("/added/" + i + "/{x}", "v" + i);
                }
                return null;
            });
            start.countDown();
            writer.get(30, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
            assertEquals("v299", matcher.match("/added/299/z").value());
        } finally {
            pool.shutdownNow();
        }
    }
}
